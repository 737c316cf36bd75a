// Augmented batches shared by the CPU and GPU tests: batch 1, odd batch sizes, the last partial
// batch, non-square and one-pixel images, the real 128 x 784 batch, hash inputs at the ends of u32,
// and ranges from none to well past the defaults (the transform's formulas hold for any). With its
// driver, run on every backend by the GPU test and gpu:check.
import { type AugmentRanges, DEFAULT_AUGMENT, NO_AUGMENT } from '../../src/backend/augmentation';
import type { Backend } from '../../src/backend/backend';
import { type FakeDataset, fakeDataset } from './gatherBatch.cases';
import { EXACT, type KernelCheck, type KernelSuite, type Outputs } from './kernelSuite';

export interface GatherBatchAugmentedCase {
  name: string;
  images: number;
  width: number;
  height: number;
  offset: number;
  rows: number;
  seed: number;
  step: number;
  ranges: AugmentRanges;
}

const WIDE: AugmentRanges = { shift: 5, rotation: (30 * Math.PI) / 180, scale: 0.4 };

export const gatherBatchAugmentedCases: GatherBatchAugmentedCase[] = [
  {
    name: 'batch of 1',
    images: 9,
    width: 28,
    height: 28,
    offset: 4,
    rows: 1,
    seed: 1,
    step: 0,
    ranges: DEFAULT_AUGMENT,
  },
  {
    name: 'odd batch, odd offset',
    images: 40,
    width: 28,
    height: 28,
    offset: 7,
    rows: 13,
    seed: 3,
    step: 17,
    ranges: DEFAULT_AUGMENT,
  },
  {
    name: 'last partial batch',
    images: 300,
    width: 28,
    height: 28,
    offset: 256,
    rows: 44,
    seed: 1,
    step: 468,
    ranges: DEFAULT_AUGMENT,
  },
  {
    name: 'real batch 128 x 784',
    images: 300,
    width: 28,
    height: 28,
    offset: 61,
    rows: 128,
    seed: 1,
    step: 2345,
    ranges: DEFAULT_AUGMENT,
  },
  {
    name: 'non-square 7 x 5 images',
    images: 37,
    width: 7,
    height: 5,
    offset: 3,
    rows: 11,
    seed: 9,
    step: 2,
    ranges: WIDE,
  },
  {
    name: 'one pixel per image',
    images: 37,
    width: 1,
    height: 1,
    offset: 5,
    rows: 17,
    seed: 2,
    step: 5,
    ranges: WIDE,
  },
  {
    name: 'seed and step at the top of u32',
    images: 37,
    width: 13,
    height: 13,
    offset: 0,
    rows: 37,
    seed: 0xffffffff,
    step: 0xffffffff,
    ranges: WIDE,
  },
  {
    name: 'wide ranges on 28 x 28',
    images: 50,
    width: 28,
    height: 28,
    offset: 10,
    rows: 33,
    seed: 12345,
    step: 99,
    ranges: WIDE,
  },
  {
    name: 'no augmentation',
    images: 50,
    width: 28,
    height: 28,
    offset: 1,
    rows: 31,
    seed: 5,
    step: 3,
    ranges: NO_AUGMENT,
  },
];

/** The case's bytes, labels and order (as the plain gather's cases make them). */
export function augmentedDataset(c: GatherBatchAugmentedCase, seed = 1): FakeDataset {
  const pixelsPerImage = c.width * c.height;
  return fakeDataset(
    { name: c.name, images: c.images, pixelsPerImage, offset: c.offset, rows: c.rows, atol: 0, rtol: 0 },
    seed,
  );
}

type Transform = Pick<GatherBatchAugmentedCase, 'seed' | 'step' | 'ranges'>;

/**
 * Gathers the case's batch once per transform given (its own when none is), augmented, or with
 * `plain` through the plain kernel: x and labels of each.
 */
export async function run(
  b: Backend,
  c: GatherBatchAugmentedCase,
  transforms: (Transform | 'plain')[] = [c],
): Promise<Outputs> {
  const d = augmentedDataset(c);
  const pixelsPerImage = c.width * c.height;
  const images = b.uploadBytes(d.pixels);
  const labelBytes = b.uploadBytes(d.labels);
  const order = b.alloc(d.order.length);
  b.write(order, d.order);
  const outputs: Outputs = [];
  for (const t of transforms) {
    const [x, labels] = [b.alloc(c.rows * pixelsPerImage), b.alloc(c.rows)];
    b.fill(x, Number.NaN); // a pooled buffer may hold old results; NaN fails any comparison
    b.write(labels, new Uint32Array(c.rows).fill(0xffffffff));
    const args = { x, labels, images, labelBytes, order, offset: c.offset, rows: c.rows, pixelsPerImage };
    if (t === 'plain') b.gatherBatch(args);
    else
      b.gatherBatchAugmented({
        ...args,
        width: c.width,
        height: c.height,
        seed: t.seed,
        step: t.step,
        ranges: t.ranges,
      });
    outputs.push(await b.read(x), await b.readU32(labels));
    for (const s of [x, labels]) b.free(s);
  }
  for (const s of [images, labelBytes, order]) b.free(s);
  return outputs;
}

// Seen on SwiftShader: an ulp apart (WGSL's division is within 2.5 ulp). Elsewhere a compiler may
// fuse multiply-adds and move a sampling position by a few ulps of 28 px; bilinear sampling is
// continuous, so a pixel then moves by about 1e-6.
const X: { atol: number; rtol: number } = { atol: 1e-5, rtol: 0 };
const same = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  a.length === b.length && Array.from(a).every((v, i) => Object.is(v, b[i]));

const rowOf = (x: ArrayLike<number>, r: number, pixels: number) =>
  Array.from(x).slice(r * pixels, (r + 1) * pixels);

export const suite: KernelSuite = {
  kernels: ['gatherBatchAugmented'],
  checks: () => {
    const checks: KernelCheck[] = gatherBatchAugmentedCases.map((c) => ({
      kernel: 'gatherBatchAugmented',
      name: `${c.name}: ${c.rows} of ${c.images} images of ${c.width}x${c.height}, seed ${c.seed}, step ${c.step}`,
      run: (b) => run(b, c),
      tolerances: [X, EXACT],
    }));
    for (const c of gatherBatchAugmentedCases)
      checks.push({
        kernel: 'gatherBatchAugmented',
        name: `${c.name}: no augmentation gives exactly the plain gather kernel`,
        run: (b) => run(b, c, [{ ...c, ranges: NO_AUGMENT }, 'plain']),
        tolerances: [X, EXACT, X, EXACT],
        holds: ([x, labels, plainX, plainLabels]) =>
          same(x, plainX) && same(labels, plainLabels) ? null : 'differs from the plain gather',
      });
    const c = gatherBatchAugmentedCases[1];
    const seeds = [
      { seed: 4, step: 10 },
      { seed: 4, step: 10 },
      { seed: 4, step: 11 },
      { seed: 5, step: 10 },
    ].map((t) => ({ ...t, ranges: DEFAULT_AUGMENT }));
    checks.push({
      kernel: 'gatherBatchAugmented',
      name: 'the same seed and step repeat exactly; another step or seed gives another batch',
      run: (b) => run(b, c, seeds),
      tolerances: seeds.flatMap(() => [X, EXACT]),
      holds: ([once, , again, , ...others]) => {
        if (!same(once, again)) return 'the same seed and step gave another batch';
        const pixels = c.width * c.height;
        for (const x of others.filter((_, i) => i % 2 === 0))
          for (let r = 0; r < c.rows; r++)
            if (same(rowOf(x, r, pixels), rowOf(once, r, pixels)))
              return `row ${r} is the same under another step or seed`;
        return null;
      },
    });
    return checks;
  },
};
