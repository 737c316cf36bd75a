import { describe, expect, test } from 'vitest';
import { CpuBackend } from '../../src/backend/cpu/cpuBackend';
import { regularizedGradient, weightPenalty } from '../../src/backend/cpu/regularization';

describe('regularization references', () => {
  test('the gradient gets l1·sign(w) + 2·l2·w (hand values; sign(0) is 0)', () => {
    const g = regularizedGradient(
      Float32Array.of(1, 0, 0, 0.5),
      Float32Array.of(2, -1, 0, 3),
      Float32Array.of(0, 0.1, 0.1, 0),
      Float32Array.of(0.5, 0, 0.5, 0),
      4,
    );
    expect(Array.from(g)).toEqual([3, Math.fround(-0.1), 0, 0.5]);
  });

  test('the penalty is Σ l1·|w| + l2·w²', () => {
    const penalty = weightPenalty(
      Float32Array.of(2, -1, 3),
      Float32Array.of(0, 0.5, 0),
      Float32Array.of(0.25, 0, 0),
      3,
    );
    expect(penalty).toBe(1.5);
  });

  test('SGD with L2 only: w ← w − lr·(g + 2·l2·w), and the penalty goes into the loss sum × rows', async () => {
    const b = new CpuBackend();
    const [param, grad, l1, l2, metrics] = [
      Float32Array.of(2, -4),
      Float32Array.of(0, 1),
      Float32Array.of(0, 0),
      Float32Array.of(0.25, 0.25),
      Float32Array.of(10, 0, 0, 0),
    ].map((d) => {
      const s = b.alloc(d.length);
      b.write(s, d);
      return s;
    });
    b.weightPenalty(metrics, param, { l1, l2 }, 2, 4);
    expect(Array.from(await b.read(metrics, 4))).toEqual([10 + 4 * 0.25 * (4 + 16), 0, 0, 0]);
    b.sgd(param, null, grad, 2, { learningRate: 0.5, momentum: 0, nesterov: false }, { l1, l2 });
    expect(Array.from(await b.read(param, 2))).toEqual([2 - 0.5 * 1, -4 - 0.5 * (1 - 2)]);
  });
});
