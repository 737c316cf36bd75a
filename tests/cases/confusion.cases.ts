// Batches for confusion, shared by the CPU and GPU tests: rows that are not a multiple of the
// workgroup, a single row, a batch placed at an offset (the third of a data set's batches), many
// rows of one class (atomics on one cell), and logits with ties (the first maximum wins). With its
// driver, run on every backend by the GPU test and gpu:check.
import type { Backend } from '../../src/backend/backend';
import { EXACT, type KernelCheck, type KernelSuite, type Outputs } from './kernelSuite';
export interface ConfusionCase {
  name: string;
  rows: number;
  cols: number;
  /** Where the batch goes in the per-image outputs, which hold `count` images. */
  offset: number;
  count: number;
  /** All labels this class (else random). */
  oneClass?: number;
  /** Logits rounded to this many steps, so rows have equal maxima. */
  ties?: boolean;
}

export const confusionCases: ConfusionCase[] = [
  { name: 'single row', rows: 1, cols: 10, offset: 0, count: 1 },
  { name: 'one workgroup less one', rows: 63, cols: 10, offset: 0, count: 63 },
  { name: 'one workgroup and one', rows: 65, cols: 10, offset: 0, count: 65 },
  { name: 'a batch at an offset', rows: 333, cols: 10, offset: 667, count: 1200 },
  { name: 'an evaluation batch', rows: 1000, cols: 10, offset: 9000, count: 10000 },
  { name: 'all one class (one cell, every atomic)', rows: 517, cols: 10, offset: 3, count: 520, oneClass: 7 },
  { name: 'ties', rows: 129, cols: 10, offset: 0, count: 129, ties: true },
  { name: 'three classes', rows: 77, cols: 3, offset: 5, count: 90 },
];

/** Deterministic logits and labels for a case (mulberry32-free: a sine hash, like tests/cpu/numeric). */
export function confusionBatch(c: ConfusionCase, seed: number) {
  const hash = (i: number) => {
    const s = Math.sin((i + 1) * 12.9898 + seed * 78.233) * 43758.5453;
    return s - Math.floor(s);
  };
  const logits = Float32Array.from({ length: c.rows * c.cols }, (_, i) => {
    const v = 8 * hash(i) - 4;
    return c.ties ? Math.round(v / 2) : v;
  });
  const labels = Uint32Array.from(
    { length: c.rows },
    (_, r) => c.oneClass ?? Math.floor(hash(r + 100_000) * c.cols),
  );
  return { logits, labels };
}

/** Two batches into one matrix (accumulation), the second at the case's offset: matrix, predicted, probs. */
export async function run(b: Backend, c: ConfusionCase): Promise<Outputs> {
  const [matrix, predicted, probs, logits, labels] = [
    c.cols * c.cols,
    c.count,
    c.count * c.cols,
    c.rows * c.cols,
    c.rows,
  ].map((length) => b.alloc(length));
  b.write(matrix, new Uint32Array(c.cols * c.cols).fill(1));
  b.write(predicted, new Uint32Array(c.count).fill(99));
  b.fill(probs, -1);
  for (const [seed, offset] of [
    [1, 0],
    [2, c.offset],
  ]) {
    const batch = confusionBatch(c, seed);
    b.write(logits, batch.logits);
    b.write(labels, batch.labels);
    b.confusion({ rows: c.rows, cols: c.cols, offset, matrix, predicted, probs, logits, labels });
  }
  const got = [await b.readU32(matrix), await b.readU32(predicted), await b.read(probs)];
  for (const s of [matrix, predicted, probs, logits, labels]) b.free(s);
  return got;
}

const check = (c: ConfusionCase, name: string): KernelCheck => ({
  kernel: 'confusion',
  name,
  run: (b) => run(b, c),
  tolerances: [EXACT, EXACT, { atol: 1e-6, rtol: 1e-5 }],
  holds: ([matrix]) => {
    // Started at 1 in every cell, then two batches.
    const total = Array.from(matrix).reduce((a, v) => a + v, 0);
    const expected = c.cols * c.cols + 2 * c.rows;
    return total === expected ? null : `the matrix counts ${total}, expected ${expected}`;
  },
});

export const suite: KernelSuite = {
  kernels: ['confusion'],
  checks: () =>
    confusionCases.map((c) => check(c, `${c.name} [${c.rows}x${c.cols}] at ${c.offset} of ${c.count}`)),
  stress: (scale) => {
    const rows = Math.ceil(10_000 / scale);
    return [
      check({ name: 'stress', rows, cols: 10, offset: 0, count: rows }, `stress: [${rows}x10], one matrix`),
    ];
  },
};
