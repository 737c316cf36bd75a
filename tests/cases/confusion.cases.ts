// Batches for confusion, shared by the CPU and GPU tests: rows that are not a multiple of the
// workgroup, a single row, a batch placed at an offset (the third of a data set's batches), many
// rows of one class (atomics on one cell), and logits with ties (the first maximum wins).
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
