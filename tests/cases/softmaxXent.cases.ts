// Batches for softmaxXent, shared by the CPU and GPU tests: the real 10-class batches (full, the
// 96-row last one, one row), more rows than the kernel's 256-wide workgroup, one class, and the
// numeric edge cases: logits that overflow exp unless the row max is subtracted, ties, and
// non-finite logits (counted in metrics[3]). With its driver, run on every backend by the GPU test
// and gpu:check.
import { type Backend, METRICS_LENGTH, type SoftmaxXentMode } from '../../src/backend/backend';
import { EXACT, type KernelCheck, type KernelSuite, type Outputs } from './kernelSuite';
import { randomArray } from './random';
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

const SENTINEL = -7;
const START_METRICS = [0.5, 1, 2, 0];

/** Logits and labels for a case: its own, or random (a different batch for each seed). */
function batch(c: SoftmaxXentCase, seed: number) {
  const spread = c.spread ?? 4;
  const logits = c.logits ? Float32Array.from(c.logits) : randomArray(c.rows * c.cols, seed, -spread, spread);
  const labels = Uint32Array.from(c.labels ?? randomArray(c.rows, seed + 1, 0, c.cols).map(Math.floor));
  return { logits, labels };
}

/**
 * Two calls on one metrics buffer (starting at START_METRICS), out and loss starting at SENTINEL;
 * after each: out, loss, predictions, metrics[0] (the loss sum), metrics[1..] (the counts).
 */
export async function run(b: Backend, c: SoftmaxXentCase & { mode: SoftmaxXentMode }): Promise<Outputs> {
  const n = c.rows * c.cols;
  const [out, metrics, loss, predictions, logits, labels] = [n, METRICS_LENGTH, 1, c.rows, n, c.rows].map(
    (length) => b.alloc(length),
  );
  b.write(metrics, Float32Array.from(START_METRICS));
  const outputs: Outputs = [];
  for (const seed of [c.rows * 17 + c.cols, c.rows * 31 + 5]) {
    const x = batch(c, seed);
    b.write(logits, x.logits);
    b.write(labels, x.labels);
    b.fill(out, SENTINEL);
    b.fill(loss, SENTINEL);
    b.write(predictions, new Uint32Array(c.rows).fill(99));
    b.softmaxXent({
      mode: c.mode,
      rows: c.rows,
      cols: c.cols,
      out,
      metrics,
      loss,
      predictions,
      logits,
      labels,
    });
    const m = await b.read(metrics);
    outputs.push(
      await b.read(out),
      await b.read(loss),
      await b.readU32(predictions),
      m.subarray(0, 1),
      m.subarray(1),
    );
  }
  for (const s of [out, metrics, loss, predictions, logits, labels]) b.free(s);
  return outputs;
}

function check(c: SoftmaxXentCase, mode: SoftmaxXentMode, name: string): KernelCheck {
  // NOTE: WGSL makes arithmetic on NaN or Inf indeterminate, so an expected NaN in out accepts any
  // value: on SwiftShader a row with a +Inf logit gets 0 (not NaN) wherever exp(z - max) is 0. The
  // loss and the metrics, which flag such rows, must still be NaN.
  const call = [{ ...c, nanIsAny: true }, c, EXACT, { atol: c.atol * c.rows, rtol: c.rtol }, EXACT];
  return {
    kernel: 'softmaxXent',
    name,
    run: (b) => run(b, { ...c, mode }),
    tolerances: [...call, ...call],
    holds: (outputs) => {
      const [out, loss, , lossSum, counts] = outputs.slice(5);
      const metrics = [lossSum[0], ...Array.from(counts)];
      if (mode === 'predict') {
        if (metrics.some((v, i) => v !== START_METRICS[i])) return 'predict changed the metrics';
        if (loss[0] !== SENTINEL) return 'predict changed the loss';
      } else if (metrics[2] !== START_METRICS[2] + 2 * c.rows)
        return 'seen did not accumulate over both calls';
      if (mode === 'eval' && Array.from(out).some((v) => v !== SENTINEL)) return 'eval changed out';
      return null;
    },
  };
}

const MODES: SoftmaxXentMode[] = ['train', 'eval', 'predict'];

export const suite: KernelSuite = {
  kernels: ['softmaxXent'],
  checks: () =>
    softmaxXentCases.flatMap((c) =>
      MODES.map((mode) => check(c, mode, `${c.name} [${c.rows}x${c.cols}], ${mode}, two calls`)),
    ),
  stress: (scale) => {
    const rows = Math.ceil(10_000 / scale);
    const c = { name: 'stress', rows, cols: 10, atol: 1e-6, rtol: 1e-5 };
    return [check(c, 'train', `stress: train [${rows}x10]`)];
  },
};
