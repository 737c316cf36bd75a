// Batches for softmaxXent, shared by the CPU and GPU tests: the real 10-class batches (full, the
// 96-row last one, one row), more rows than the kernel's 256-wide workgroup, one class, and the
// numeric edge cases: logits that overflow exp unless the row max is subtracted, ties, and
// non-finite logits (counted in metrics[3]).
export interface SoftmaxXentCase {
  name: string;
  rows: number;
  cols: number;
  /** Explicit logits [rows, cols] and labels [rows]; random when absent. */
  logits?: number[];
  labels?: number[];
  /** Random logits are uniform in [-spread, spread); default 4. */
  spread?: number;
  /** Hand-computed values, checked by the CPU test. */
  expected?: {
    /** Batch-mean loss. */
    loss: number;
    predictions: number[];
    /** Softmax probabilities [rows, cols] (predict mode). */
    probabilities?: number[];
    correct: number;
    nonFinite: number;
  };
  /** For out (dlogits or probabilities), loss and metrics[0]; the counts must match exactly. */
  atol: number;
  rtol: number;
}

const inf = Number.POSITIVE_INFINITY;
const e1 = Math.exp(-1);
const e2 = Math.exp(-2);

export const softmaxXentCases: SoftmaxXentCase[] = [
  {
    name: 'hand example',
    rows: 2,
    cols: 3,
    logits: [1, 2, 3, 0, 0, Math.log(2)],
    labels: [2, 0],
    expected: {
      // Row 0: -log(e³ / (e + e² + e³)); row 1: p = [1/4, 1/4, 1/2], label 0 → log 4.
      loss: (Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3)) - 3 + Math.log(4)) / 2,
      predictions: [2, 2],
      probabilities: [
        Math.exp(1) / (Math.exp(1) + Math.exp(2) + Math.exp(3)),
        Math.exp(2) / (Math.exp(1) + Math.exp(2) + Math.exp(3)),
        Math.exp(3) / (Math.exp(1) + Math.exp(2) + Math.exp(3)),
        0.25,
        0.25,
        0.5,
      ],
      correct: 1,
      nonFinite: 0,
    },
    atol: 1e-6,
    rtol: 1e-5,
  },
  {
    // exp(1001) overflows; exp(-1000) underflows. Only z - max keeps both rows finite.
    name: 'large logits need the max subtracted',
    rows: 2,
    cols: 3,
    logits: [1000, 1001, -1000, -1000, -1001, -999],
    labels: [0, 2],
    expected: {
      loss: (1 + Math.log(1 + e1) + Math.log(1 + e1 + e2)) / 2,
      predictions: [1, 2],
      probabilities: [
        e1 / (1 + e1),
        1 / (1 + e1),
        0,
        e1 / (1 + e1 + e2),
        e2 / (1 + e1 + e2),
        1 / (1 + e1 + e2),
      ],
      correct: 1,
      nonFinite: 0,
    },
    atol: 1e-6,
    rtol: 1e-5,
  },
  {
    name: 'all-equal logits: uniform, first index wins the tie',
    rows: 1,
    cols: 4,
    logits: [2, 2, 2, 2],
    labels: [3],
    expected: {
      loss: Math.log(4),
      predictions: [0],
      probabilities: [0.25, 0.25, 0.25, 0.25],
      correct: 0,
      nonFinite: 0,
    },
    atol: 1e-6,
    rtol: 1e-5,
  },
  {
    // NaN makes its row's sum NaN; +Inf makes max - max = NaN; a label at -Inf makes the loss +Inf.
    name: 'non-finite logits are counted',
    rows: 4,
    cols: 3,
    logits: [Number.NaN, 0, 1, inf, 0, 1, 0, -inf, 1, 1, 2, 3],
    labels: [1, 0, 1, 2],
    atol: 1e-6,
    rtol: 1e-5,
  },
  {
    name: 'cols = 1: p = 1, loss 0, gradient 0',
    rows: 5,
    cols: 1,
    expected: {
      loss: 0,
      predictions: [0, 0, 0, 0, 0],
      probabilities: [1, 1, 1, 1, 1],
      correct: 5,
      nonFinite: 0,
    },
    atol: 1e-6,
    rtol: 1e-5,
  },
  { name: 'single row', rows: 1, cols: 10, atol: 1e-6, rtol: 1e-5 },
  { name: 'rows not a multiple of 64', rows: 67, cols: 10, atol: 1e-6, rtol: 1e-5 },
  { name: 'full batch', rows: 128, cols: 10, atol: 1e-6, rtol: 1e-5 },
  { name: 'last batch of 96', rows: 96, cols: 10, atol: 1e-6, rtol: 1e-5 },
  { name: 'more rows than the 256-wide workgroup', rows: 300, cols: 10, atol: 1e-6, rtol: 1e-5 },
  // WGSL's exp is accurate to 3 + 2|x| ULP, so wide logits need a looser relative tolerance.
  { name: 'wide logits', rows: 128, cols: 10, spread: 30, atol: 1e-6, rtol: 1e-4 },
];
