import { describe, expect, test } from 'vitest';
import { type BatchNormShape, statsLength, statsStride } from '../../src/backend/batchNorm';
import {
  batchNormApply,
  batchNormInputGrad,
  batchNormReduce,
  batchNormStats,
} from '../../src/backend/cpu/batchNorm';

const shape = (rows: number, channels: number): BatchNormShape => ({
  rows,
  channels,
  momentum: 0.99,
  epsilon: 1e-3,
});

describe('batchNorm reference', () => {
  test('statistics per channel over the rows: mean, biased variance, Keras moving averages', () => {
    // Two channels over three rows: [1, 2, 3] and [10, 10, 10].
    const x = Float32Array.of(1, 10, 2, 10, 3, 10);
    const stats = new Float32Array(statsLength(2));
    const moving = new Float32Array(statsLength(2));
    const s = statsStride(2);
    moving.set([0, 0]);
    moving.set([1, 1], s);
    batchNormStats(stats, moving, x, shape(3, 2));
    expect([stats[0], stats[1]]).toEqual([2, 10]);
    expect(stats[s]).toBeCloseTo(2 / 3, 6); // biased: Σ(x − μ)²/N, not /(N − 1)
    expect(stats[s + 1]).toBe(0);
    expect(moving[0]).toBeCloseTo(0.02, 6); // 0.99 · 0 + 0.01 · 2
    expect(moving[1]).toBeCloseTo(0.1, 6);
    expect(moving[s]).toBeCloseTo(0.99 + 0.01 * (2 / 3), 6);
    expect(moving[s + 1]).toBeCloseTo(0.99, 6);
  });

  test('normalised output has mean beta and spread gamma (up to epsilon)', () => {
    const x = Float32Array.of(1, 2, 3, 4);
    const stats = new Float32Array(statsLength(1));
    batchNormStats(stats, new Float32Array(statsLength(1)), x, shape(4, 1));
    const y = new Float32Array(4);
    batchNormApply(y, x, stats, Float32Array.of(2), Float32Array.of(5), shape(4, 1));
    const mean = y.reduce((a, b) => a + b) / 4;
    const variance = y.reduce((a, b) => a + (b - mean) ** 2, 0) / 4;
    expect(mean).toBeCloseTo(5, 5);
    expect(variance).toBeCloseTo((4 * 1.25) / (1.25 + 1e-3), 3);
  });

  test('the training input gradient sums to zero per channel (the mean is subtracted)', () => {
    const rows = 5;
    const x = Float32Array.from({ length: rows * 2 }, (_, i) => Math.sin(i * 1.7));
    const dy = Float32Array.from({ length: rows * 2 }, (_, i) => Math.cos(i * 0.9));
    const stats = new Float32Array(statsLength(2));
    batchNormStats(stats, new Float32Array(statsLength(2)), x, shape(rows, 2));
    const [dgamma, dbeta] = [new Float32Array(2), new Float32Array(2)];
    batchNormReduce(dgamma, dbeta, dy, x, stats, shape(rows, 2));
    const dx = new Float32Array(rows * 2);
    batchNormInputGrad(dx, dy, x, stats, Float32Array.of(1.5, 0.5), { dgamma, dbeta }, shape(rows, 2), false);
    for (const c of [0, 1]) {
      let sum = 0;
      for (let r = 0; r < rows; r++) sum += dx[r * 2 + c];
      expect(Math.abs(sum)).toBeLessThan(1e-6);
    }
  });
});
