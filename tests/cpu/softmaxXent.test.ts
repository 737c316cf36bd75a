import { describe, expect, test } from 'vitest';
import { METRICS_LENGTH, type SoftmaxXentMode } from '../../src/backend/backend';
import { softmaxXent } from '../../src/backend/cpu/softmaxXent';
import { type SoftmaxXentCase, softmaxXentCases } from '../cases/softmaxXent.cases';
import { asF32, expectClose, fixedRandom, numericGradient } from './numeric';

const SENTINEL = -7;

/** Runs the reference once on a case's logits (random when the case has none) in one mode. */
function run(c: SoftmaxXentCase, mode: SoftmaxXentMode, metrics = new Float32Array(METRICS_LENGTH)) {
  const spread = c.spread ?? 4;
  const logits = Float32Array.from(c.logits ?? fixedRandom(c.rows * c.cols, c.rows).map((v) => v * spread));
  const labels = Uint32Array.from(
    c.labels ?? fixedRandom(c.rows, 9).map((v) => Math.floor(((v + 1) / 2) * c.cols)),
  );
  const out = new Float32Array(c.rows * c.cols).fill(SENTINEL);
  const loss = Float32Array.of(SENTINEL);
  const predictions = new Uint32Array(c.rows).fill(99);
  softmaxXent({ mode, rows: c.rows, cols: c.cols, out, metrics, loss, predictions, logits, labels });
  return { logits, labels, out, loss: loss[0], predictions: Array.from(predictions), metrics };
}

describe('softmaxXent reference', () => {
  for (const c of softmaxXentCases.filter((c) => c.expected)) {
    const e = c.expected;
    if (!e) continue;
    test(`hand values, train: ${c.name}`, () => {
      const r = run(c, 'train');
      expectClose([r.loss], [e.loss], c.atol, c.rtol, 'loss');
      expect(r.predictions).toEqual(e.predictions);
      expectClose(r.metrics, [e.loss * c.rows, e.correct, c.rows, e.nonFinite], c.atol, c.rtol, 'metrics');
      // dlogits = (p - onehot(label)) / rows.
      const p = e.probabilities ?? [];
      const dlogits = p.map(
        (v, i) => (v - (i % c.cols === r.labels[Math.floor(i / c.cols)] ? 1 : 0)) / c.rows,
      );
      expectClose(r.out, dlogits, c.atol, c.rtol, 'dlogits');
    });
    test(`hand values, eval leaves out untouched: ${c.name}`, () => {
      const r = run(c, 'eval');
      expectClose([r.loss], [e.loss], c.atol, c.rtol, 'loss');
      expect(r.predictions).toEqual(e.predictions);
      expectClose(r.metrics, [e.loss * c.rows, e.correct, c.rows, e.nonFinite], c.atol, c.rtol, 'metrics');
      expect(r.out.every((v) => v === SENTINEL)).toBe(true);
    });
    test(`hand values, predict writes probabilities only: ${c.name}`, () => {
      const r = run(c, 'predict');
      expectClose(r.out, e.probabilities ?? [], c.atol, c.rtol, 'probabilities');
      expect(r.predictions).toEqual(e.predictions);
      expect(r.loss).toBe(SENTINEL);
      expect(Array.from(r.metrics)).toEqual([0, 0, 0, 0]);
    });
  }

  test('large logits give finite values everywhere', () => {
    const c = softmaxXentCases.find((c) => c.name.startsWith('large logits'));
    expect(c).toBeDefined();
    for (const mode of ['train', 'predict'] as const) {
      const r = run(c as SoftmaxXentCase, mode);
      expect(r.out.every(Number.isFinite), mode).toBe(true);
    }
  });

  test('non-finite logits: counted in metrics[3], loss NaN, finite rows unaffected', () => {
    const c = softmaxXentCases.find((c) => c.name.startsWith('non-finite')) as SoftmaxXentCase;
    const r = run(c, 'train');
    expect(r.metrics[3]).toBe(3);
    expect(r.metrics[2]).toBe(4);
    // Only the ordinary row can count as correct, whatever the others' argmax fell back to.
    expect(r.metrics[1]).toBeLessThanOrEqual(1);
    expect(r.loss).toBeNaN();
    // Row 2 has its label's logit at -Inf: an infinite loss, yet a finite gradient.
    // Row 3 is an ordinary row.
    expect(Array.from(r.out.subarray(6, 12)).every(Number.isFinite)).toBe(true);
    const p = [Math.exp(-2), Math.exp(-1), 1].map((v, _, all) => v / (all[0] + all[1] + all[2]));
    expectClose(r.out.subarray(9, 12), [p[0] / 4, p[1] / 4, (p[2] - 1) / 4], 1e-7, 1e-6, 'row 3 dlogits');
  });

  test('metrics accumulate across calls; loss is the latest batch mean', () => {
    const metrics = new Float32Array(METRICS_LENGTH);
    const [a, b] = [softmaxXentCases[0], softmaxXentCases[1]];
    const first = run(a, 'eval', metrics);
    const afterFirst = metrics.slice();
    const second = run(b, 'train', metrics);
    const e = [a.expected, b.expected];
    expectClose(afterFirst, [first.loss * a.rows, e[0]?.correct ?? -1, a.rows, 0], 1e-6, 1e-6, 'first');
    const lossSum = first.loss * a.rows + second.loss * b.rows;
    const correct = (e[0]?.correct ?? -1) + (e[1]?.correct ?? -1);
    expectClose(metrics, [lossSum, correct, a.rows + b.rows, 0], 1e-6, 1e-6, 'accumulated');
    expectClose([second.loss], [e[1]?.loss ?? -1], 1e-6, 1e-6, 'loss');
  });

  for (const c of softmaxXentCases.filter((c) => !c.logits)) {
    test(`dlogits rows sum to 0 and probabilities to 1: ${c.name}`, () => {
      const sums = (out: Float32Array) =>
        Array.from({ length: c.rows }, (_, r) =>
          out.subarray(r * c.cols, (r + 1) * c.cols).reduce((s, v) => s + v, 0),
        );
      expectClose(sums(run(c, 'train').out), new Array(c.rows).fill(0), 1e-6 / c.rows, 0, 'dlogits row sums');
      expectClose(sums(run(c, 'predict').out), new Array(c.rows).fill(1), 1e-6, 0, 'probability row sums');
    });
  }

  // dlogits from train mode must be ∂(batch-mean loss)/∂logits; in float64 the match is tight.
  test('dlogits is the gradient of the batch-mean loss (central differences, float64)', () => {
    const [rows, cols] = [4, 5];
    const logits = fixedRandom(rows * cols, 10).map((v) => 3 * v);
    const labels = Uint32Array.of(0, 4, 2, 2);
    const out = new Float64Array(rows * cols);
    const loss = new Float64Array(1);
    const args = {
      rows,
      cols,
      out: asF32(out),
      metrics: asF32(new Float64Array(METRICS_LENGTH)),
      loss: asF32(loss),
      predictions: new Uint32Array(rows),
      logits: asF32(logits),
      labels,
    };
    const meanLoss = () => {
      softmaxXent({ ...args, mode: 'eval' });
      return loss[0];
    };
    softmaxXent({ ...args, mode: 'train' });
    const dlogits = out.slice();
    expectClose(dlogits, numericGradient(meanLoss, logits, 1e-5), 1e-9, 1e-6, 'dL/dlogits');
  });
});
