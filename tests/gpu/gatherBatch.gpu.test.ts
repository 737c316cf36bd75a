import { describe, expect, test } from 'vitest';
import type { Backend } from '../../src/backend/backend';
import { sparseIndexLayout } from '../../src/backend/sparseIndex';
import {
  type FakeDataset,
  fakeDataset,
  type GatherBatchCase,
  gatherBatchCases,
} from '../cases/gatherBatch.cases';
import { cpuBackend, expectClose, gpuBackend } from './harness';

const gpu = await gpuBackend();
const cpu = cpuBackend();

/** Uploads the data set once, then gathers each batch in turn. */
async function run(
  backend: Backend,
  d: FakeDataset,
  batches: { offset: number; rows: number }[],
  pixelsPerImage: number,
) {
  const images = backend.uploadBytes(d.pixels);
  const labelBytes = backend.uploadBytes(d.labels);
  const order = backend.alloc(d.order.length);
  backend.write(order, d.order);
  const results = [];
  for (const { offset, rows } of batches) {
    const [x, labels] = [backend.alloc(rows * pixelsPerImage), backend.alloc(rows)];
    backend.fill(x, Number.NaN); // a pooled buffer may hold old results; NaN fails any comparison
    backend.write(labels, new Uint32Array(rows).fill(0xffffffff));
    backend.gatherBatch({ x, labels, images, labelBytes, order, offset, rows, pixelsPerImage });
    results.push({ x: await backend.read(x), labels: await backend.readU32(labels) });
    for (const s of [x, labels]) backend.free(s);
  }
  for (const s of [images, labelBytes, order]) backend.free(s);
  return results;
}

async function expectSameOnBoth(
  c: GatherBatchCase,
  d: FakeDataset,
  batches: { offset: number; rows: number }[],
) {
  const onGpu = await run(gpu, d, batches, c.pixelsPerImage);
  const onCpu = await run(cpu, d, batches, c.pixelsPerImage);
  batches.forEach(({ offset }, i) => {
    expectClose(onGpu[i].x, onCpu[i].x, c.atol, c.rtol, `x at offset ${offset}`);
    expect(Array.from(onGpu[i].labels), `labels at offset ${offset}`).toEqual(Array.from(onCpu[i].labels));
  });
}

describe('gatherBatch on WebGPU matches the CPU reference', () => {
  for (const c of gatherBatchCases) {
    test(`${c.name}: ${c.images} images of ${c.pixelsPerImage} pixels, rows ${c.offset}..${c.offset + c.rows}`, async () => {
      await expectSameOnBoth(c, fakeDataset(c), [{ offset: c.offset, rows: c.rows }]);
    });
  }

  test('consecutive batches of an epoch from one upload, the last one short', async () => {
    const c = gatherBatchCases[0];
    const batches = [0, 10, 20, 30].map((offset) => ({ offset, rows: Math.min(10, c.images - offset) }));
    await expectSameOnBoth(c, fakeDataset(c, 2), batches);
  });

  test('past the per-dimension workgroup limit the grid folds to 2-D', async () => {
    const pixelsPerImage = 784;
    const rows =
      Math.ceil((64 * (gpu.device.limits.maxComputeWorkgroupsPerDimension + 1)) / pixelsPerImage) + 1;
    const c = { name: 'folded', images: rows + 50, pixelsPerImage, offset: 17, rows, atol: 0, rtol: 3e-7 };
    await expectSameOnBoth(c, fakeDataset(c, 3), [{ offset: c.offset, rows: c.rows }]);
  });

  test('the last batch of a 60000-image, 47 MB data set', async () => {
    const c = {
      name: 'mnist-sized',
      images: 60000,
      pixelsPerImage: 784,
      offset: 59904,
      rows: 96,
      atol: 0,
      rtol: 3e-7,
    };
    await expectSameOnBoth(c, fakeDataset(c, 4), [{ offset: c.offset, rows: c.rows }]);
  });
});

/** The batch and its sparse indexes (parts 1: x's, parts 2: also xᵀ's), as lists per block. */
async function runIndexed(backend: Backend, d: FakeDataset, c: GatherBatchCase, parts: 1 | 2) {
  const { offset, rows, pixelsPerImage } = c;
  const images = backend.uploadBytes(d.pixels);
  const labelBytes = backend.uploadBytes(d.labels);
  const order = backend.alloc(d.order.length);
  backend.write(order, d.order);
  const layout = sparseIndexLayout(rows, pixelsPerImage, parts);
  const [x, labels, index] = [
    backend.alloc(rows * pixelsPerImage),
    backend.alloc(rows),
    backend.alloc(layout.length),
  ];
  backend.write(index, new Uint32Array(layout.length).fill(0xffffffff));
  backend.gatherBatch({
    x,
    labels,
    images,
    labelBytes,
    order,
    offset,
    rows,
    pixelsPerImage,
    index: { storage: index, parts },
  });
  const words = await backend.readU32(index);
  const lists = (countsAt: number, columnsAt: number, blocks: number, k: number) =>
    Array.from({ length: blocks }, (_, b) =>
      Array.from(words.subarray(columnsAt + b * k, columnsAt + b * k + words[countsAt + b])),
    );
  const out = {
    x: await backend.read(x),
    rows: lists(layout.rowCounts, layout.rowColumns, layout.rowWords.counts, pixelsPerImage),
    pixels: parts === 2 ? lists(layout.pixelCounts, layout.pixelColumns, layout.pixelWords.counts, rows) : [],
  };
  for (const s of [x, labels, index, images, labelBytes, order]) backend.free(s);
  return out;
}

describe('gatherBatch with the sparse indexes (one dispatch) matches gatherBatch then nonzeroColumns', () => {
  for (const c of gatherBatchCases)
    for (const parts of [1, 2] as const)
      test(`${c.name}, parts ${parts}`, async () => {
        // Mostly zeros, as MNIST: about 4 bytes in 5.
        const d = fakeDataset(c, 5);
        d.pixels.forEach((v, i) => {
          if ((v * 7 + i) % 5 !== 0) d.pixels[i] = 0;
        });
        const [onGpu, onCpu] = [await runIndexed(gpu, d, c, parts), await runIndexed(cpu, d, c, parts)];
        expectClose(onGpu.x, onCpu.x, c.atol, c.rtol, 'x');
        expect(onGpu.rows, 'index of x').toEqual(onCpu.rows);
        expect(onGpu.pixels, 'index of xᵀ').toEqual(onCpu.pixels);
        expect(onCpu.rows.flat().length, 'the case has nonzeros').toBeGreaterThan(0);
      });
});
