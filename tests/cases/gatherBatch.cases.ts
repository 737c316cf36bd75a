// Batches gathered from a fake uint8 data set, shared by the CPU and GPU tests: offsets that are
// not multiples of anything, the last image, one pixel per image (every byte of a packed word in
// use), and the real 128 x 784 and 96 x 784 batches. With its driver, run on every backend by the
// GPU test and gpu:check.
import type { Backend } from '../../src/backend/backend';
import { sparseIndexLayout } from '../../src/backend/sparseIndex';
import {
  EXACT,
  type KernelCheck,
  type KernelSuite,
  type Outputs,
  workgroupsPerDimension,
} from './kernelSuite';
export interface GatherBatchCase {
  name: string;
  images: number;
  pixelsPerImage: number;
  offset: number;
  rows: number;
  /** For x; labels must match exactly. */
  atol: number;
  rtol: number;
}

// WGSL's division is accurate to 2.5 ULP; the reference rounds pixel / 255 once from float64.
const tol = { atol: 0, rtol: 3e-7 };

export const gatherBatchCases: GatherBatchCase[] = [
  { name: 'first rows', images: 37, pixelsPerImage: 13, offset: 0, rows: 5, ...tol },
  { name: 'odd offset', images: 37, pixelsPerImage: 13, offset: 7, rows: 11, ...tol },
  { name: 'up to the last image', images: 37, pixelsPerImage: 13, offset: 29, rows: 8, ...tol },
  { name: 'single row, last image', images: 37, pixelsPerImage: 13, offset: 36, rows: 1, ...tol },
  { name: 'whole set in one batch', images: 37, pixelsPerImage: 13, offset: 0, rows: 37, ...tol },
  { name: 'one pixel per image', images: 37, pixelsPerImage: 1, offset: 3, rows: 17, ...tol },
  { name: 'a word per image (quads path)', images: 37, pixelsPerImage: 4, offset: 5, rows: 9, ...tol },
  { name: 'real batch 128 x 784', images: 300, pixelsPerImage: 784, offset: 61, rows: 128, ...tol },
  { name: 'last batch of 96 x 784', images: 300, pixelsPerImage: 784, offset: 204, rows: 96, ...tol },
];

export interface FakeDataset {
  /** images x pixelsPerImage bytes, including 0 and 255. */
  pixels: Uint8Array;
  /** One byte per image, all 256 values possible (MNIST uses 0..9). */
  labels: Uint8Array;
  /** A shuffled permutation of 0 .. images - 1. */
  order: Uint32Array;
}

/** Deterministic bytes and permutation for a case (an integer hash, so failures reproduce). */
export function fakeDataset(c: GatherBatchCase, seed = 1): FakeDataset {
  const hash = (i: number) => {
    let h = Math.imul(i + seed * 0x9e3779b9, 0x85ebca6b) >>> 0;
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
    return (h ^ (h >>> 16)) >>> 0;
  };
  const pixels = new Uint8Array(c.images * c.pixelsPerImage);
  for (let i = 0; i < pixels.length; i++) pixels[i] = hash(i) & 0xff;
  pixels[0] = 0;
  pixels[pixels.length - 1] = 255;
  const labels = new Uint8Array(c.images);
  for (let i = 0; i < labels.length; i++) labels[i] = hash(i + pixels.length) >>> 24;
  const order = new Uint32Array(c.images);
  for (let i = 0; i < order.length; i++) order[i] = i;
  for (let i = order.length - 1; i > 0; i--) {
    const j = hash(i + 2 * pixels.length) % (i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return { pixels, labels, order };
}

/**
 * Uploads the data set once, then gathers each batch in turn: x and labels of each. With `parts`,
 * the sparse indexes too (built in the same dispatch), as a count then the columns of each block:
 * x's blocks, then (parts 2) xᵀ's.
 */
export async function run(
  b: Backend,
  c: {
    pixelsPerImage: number;
    data: FakeDataset;
    batches: { offset: number; rows: number }[];
    parts?: 1 | 2;
  },
): Promise<Outputs> {
  const { pixelsPerImage, data: d } = c;
  const images = b.uploadBytes(d.pixels);
  const labelBytes = b.uploadBytes(d.labels);
  const order = b.alloc(d.order.length);
  b.write(order, d.order);
  const outputs: Outputs = [];
  for (const { offset, rows } of c.batches) {
    const [x, labels] = [b.alloc(rows * pixelsPerImage), b.alloc(rows)];
    b.fill(x, Number.NaN); // a pooled buffer may hold old results; NaN fails any comparison
    b.write(labels, new Uint32Array(rows).fill(0xffffffff));
    const layout = c.parts ? sparseIndexLayout(rows, pixelsPerImage, c.parts) : null;
    const index = layout ? b.alloc(layout.length) : null;
    if (index && layout) b.write(index, new Uint32Array(layout.length).fill(0xffffffff));
    const indexArg = index && c.parts ? { storage: index, parts: c.parts } : undefined;
    b.gatherBatch({ x, labels, images, labelBytes, order, offset, rows, pixelsPerImage, index: indexArg });
    outputs.push(await b.read(x), await b.readU32(labels));
    if (index && layout) {
      const words = await b.readU32(index);
      const lists = (countsAt: number, columnsAt: number, blocks: number, k: number) =>
        Array.from({ length: blocks }, (_, block) => [
          words[countsAt + block],
          ...words.subarray(columnsAt + block * k, columnsAt + block * k + words[countsAt + block]),
        ]).flat();
      outputs.push(lists(layout.rowCounts, layout.rowColumns, layout.rowWords.counts, pixelsPerImage));
      if (c.parts === 2)
        outputs.push(lists(layout.pixelCounts, layout.pixelColumns, layout.pixelWords.counts, rows));
      b.free(index);
    }
    for (const s of [x, labels]) b.free(s);
  }
  for (const s of [images, labelBytes, order]) b.free(s);
  return outputs;
}

function check(
  c: GatherBatchCase,
  name: string,
  data: FakeDataset,
  batches = [c],
  parts?: 1 | 2,
): KernelCheck {
  const perBatch = [c, EXACT, ...(parts ? [EXACT] : []), ...(parts === 2 ? [EXACT] : [])];
  return {
    kernel: 'gatherBatch',
    name,
    run: (b) => run(b, { pixelsPerImage: c.pixelsPerImage, data, batches, parts }),
    tolerances: batches.flatMap(() => perBatch),
    // The index cases are mostly zeros, but not all: the index must list something.
    holds: parts
      ? (outputs) =>
          outputs[2].length > 0 && Array.from(outputs[2]).some((v, i) => i > 0 && v > 0)
            ? null
            : 'the case has no nonzeros'
      : undefined,
  };
}

/** Mostly zeros, as MNIST: about 4 bytes in 5. */
function mostlyZeros(d: FakeDataset): FakeDataset {
  d.pixels.forEach((v, i) => {
    if ((v * 7 + i) % 5 !== 0) d.pixels[i] = 0;
  });
  return d;
}

const tolerance = { atol: 0, rtol: 3e-7 };
const mnistSized = {
  name: 'mnist-sized',
  images: 60_000,
  pixelsPerImage: 784,
  offset: 59_904,
  rows: 96,
  ...tol,
};

export const suite: KernelSuite = {
  kernels: ['gatherBatch'],
  checks: (backend) => {
    const checks = gatherBatchCases.map((c) =>
      check(
        c,
        `${c.name}: ${c.images} images of ${c.pixelsPerImage} pixels, rows ${c.offset}..${c.offset + c.rows}`,
        fakeDataset(c, 1),
      ),
    );
    const first = gatherBatchCases[0];
    const epoch = [0, 10, 20, 30].map((offset) => ({
      ...first,
      offset,
      rows: Math.min(10, first.images - offset),
    }));
    checks.push(
      check(
        first,
        'consecutive batches of an epoch from one upload, the last one short',
        fakeDataset(first, 2),
        epoch,
      ),
    );
    checks.push(
      check(mnistSized, 'the last batch of a 60000-image, 47 MB data set', fakeDataset(mnistSized, 4)),
    );
    for (const c of gatherBatchCases)
      for (const parts of [1, 2] as const)
        checks.push(
          check(
            c,
            `${c.name}, with the sparse indexes (parts ${parts})`,
            mostlyZeros(fakeDataset(c, 5)),
            [c],
            parts,
          ),
        );
    const grid = workgroupsPerDimension(backend);
    if (grid) {
      // Past the per-dimension workgroup limit the grid folds to 2-D.
      const rows = Math.ceil((64 * (grid + 1)) / 784) + 1;
      const c = { name: 'folded', images: rows + 50, pixelsPerImage: 784, offset: 17, rows, ...tolerance };
      checks.push(check(c, `a 2-D grid [${rows}x784]`, fakeDataset(c, 3)));
    }
    return checks;
  },
  stress: () => [check(mnistSized, 'stress: the last batch of 60,000 images', fakeDataset(mnistSized, 4))],
};
