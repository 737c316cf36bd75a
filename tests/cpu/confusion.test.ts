import { describe, expect, test } from 'vitest';
import { confusion } from '../../src/backend/cpu/confusion';
import { confusionBatch, confusionCases } from '../cases/confusion.cases';

function run(logits: number[], labels: number[], cols: number, offset = 0, count = labels.length) {
  const out = {
    matrix: new Uint32Array(cols * cols),
    predicted: new Uint32Array(count).fill(99),
    probs: new Float32Array(count * cols).fill(-1),
  };
  confusion({
    rows: labels.length,
    cols,
    offset,
    ...out,
    logits: Float32Array.from(logits),
    labels: Uint32Array.from(labels),
  });
  return out;
}

describe('confusion reference', () => {
  test('hand values: counts by (true, predicted), argmax and softmax per row', () => {
    // Rows: true 0 read 0; true 1 read 0; true 1 read 1.
    const { matrix, predicted, probs } = run([2, 0, 1, 0, 0, 3], [0, 1, 1], 2);
    expect(Array.from(matrix)).toEqual([1, 0, 1, 1]);
    expect(Array.from(predicted)).toEqual([0, 0, 1]);
    const e = Math.exp(2);
    expect(probs[0]).toBeCloseTo(e / (e + 1), 6);
    expect(probs[1]).toBeCloseTo(1 / (e + 1), 6);
    expect(probs[2]).toBeCloseTo(Math.E / (Math.E + 1), 6); // row 1: logits 1, 0
  });

  test('equal maxima go to the first class, as in softmaxXent', () => {
    const { predicted, matrix } = run([1, 1, 0.5], [2], 3);
    expect(predicted[0]).toBe(0);
    expect(matrix[2 * 3 + 0]).toBe(1);
  });

  test('writes at the offset only, and accumulates the matrix', () => {
    const out = run([0, 5], [1], 2, 2, 4);
    expect(Array.from(out.predicted)).toEqual([99, 99, 1, 99]);
    expect(Array.from(out.probs.subarray(0, 4))).toEqual([-1, -1, -1, -1]);
    expect(out.probs[4] + out.probs[5]).toBeCloseTo(1, 6);
  });

  for (const c of confusionCases) {
    test(`${c.name}: the matrix sums to the rows, its diagonal counts the correct rows`, () => {
      const { logits, labels } = confusionBatch(c, 1);
      const out = run(Array.from(logits), Array.from(labels), c.cols, c.offset, c.count);
      expect(out.matrix.reduce((a, b) => a + b, 0)).toBe(c.rows);
      let correct = 0;
      for (let r = 0; r < c.rows; r++) if (out.predicted[c.offset + r] === labels[r]) correct++;
      let trace = 0;
      for (let k = 0; k < c.cols; k++) trace += out.matrix[k * c.cols + k];
      expect(trace).toBe(correct);
    });
  }
});
