import { describe, expect, test } from 'vitest';
import { DEFAULT_AUGMENT, NO_AUGMENT } from '../../src/backend/augmentation';
import type { Backend } from '../../src/backend/backend';
import {
  augmentedDataset,
  type GatherBatchAugmentedCase,
  gatherBatchAugmentedCases,
} from '../cases/gatherBatchAugmented.cases';
import { cpuBackend, expectClose, gpuBackend } from './harness';

const gpu = await gpuBackend();
const cpu = cpuBackend();

// Seen on SwiftShader: an ulp apart (WGSL's division is within 2.5 ulp). Elsewhere a compiler may
// fuse multiply-adds and move a sampling position by a few ulps of 28 px; bilinear sampling is
// continuous, so a pixel then moves by about 1e-6.
const ATOL = 1e-5;

/** Gathers one batch of the case, augmented (or, with plain, through the plain kernel). */
async function gather(
  backend: Backend,
  c: GatherBatchAugmentedCase,
  overrides: Partial<Pick<GatherBatchAugmentedCase, 'seed' | 'step' | 'ranges'>> = {},
  plain = false,
) {
  const d = augmentedDataset(c);
  const pixelsPerImage = c.width * c.height;
  const images = backend.uploadBytes(d.pixels);
  const labelBytes = backend.uploadBytes(d.labels);
  const order = backend.alloc(d.order.length);
  backend.write(order, d.order);
  const [x, labels] = [backend.alloc(c.rows * pixelsPerImage), backend.alloc(c.rows)];
  backend.fill(x, Number.NaN); // a pooled buffer may hold old results; NaN fails any comparison
  backend.write(labels, new Uint32Array(c.rows).fill(0xffffffff));
  const args = { x, labels, images, labelBytes, order, offset: c.offset, rows: c.rows, pixelsPerImage };
  if (plain) backend.gatherBatch(args);
  else {
    const { width, height, seed, step, ranges } = { ...c, ...overrides };
    backend.gatherBatchAugmented({ ...args, width, height, seed, step, ranges });
  }
  const result = { x: await backend.read(x), labels: await backend.readU32(labels) };
  for (const s of [x, labels, images, labelBytes, order]) backend.free(s);
  return result;
}

describe('gatherBatchAugmented on WebGPU matches the CPU reference', () => {
  for (const c of gatherBatchAugmentedCases) {
    test(`${c.name}: ${c.rows} of ${c.images} images of ${c.width}x${c.height}, seed ${c.seed}, step ${c.step}`, async () => {
      const [onGpu, onCpu] = [await gather(gpu, c), await gather(cpu, c)];
      expectClose(onGpu.x, onCpu.x, ATOL, 0, 'x');
      expect(Array.from(onGpu.labels)).toEqual(Array.from(onCpu.labels));
    });
  }

  test('no augmentation gives exactly the plain gather kernel', async () => {
    for (const c of gatherBatchAugmentedCases) {
      const augmented = await gather(gpu, c, { ranges: NO_AUGMENT });
      const plain = await gather(gpu, c, {}, true);
      expect(Array.from(augmented.x), c.name).toEqual(Array.from(plain.x));
      expect(Array.from(augmented.labels), c.name).toEqual(Array.from(plain.labels));
    }
  });

  test('the same seed and step repeat exactly; another step or seed gives another batch', async () => {
    const c = gatherBatchAugmentedCases[1];
    const once = await gather(gpu, c, { seed: 4, step: 10, ranges: DEFAULT_AUGMENT });
    const again = await gather(gpu, c, { seed: 4, step: 10, ranges: DEFAULT_AUGMENT });
    expect(Array.from(again.x)).toEqual(Array.from(once.x));
    const pixels = c.width * c.height;
    for (const other of [
      { seed: 4, step: 11 },
      { seed: 5, step: 10 },
    ]) {
      const changed = await gather(gpu, c, { ...other, ranges: DEFAULT_AUGMENT });
      for (let r = 0; r < c.rows; r++) {
        const row = (x: Float32Array) => Array.from(x.subarray(r * pixels, (r + 1) * pixels));
        expect(row(changed.x), `${JSON.stringify(other)}, row ${r}`).not.toEqual(row(once.x));
      }
    }
  });
});
