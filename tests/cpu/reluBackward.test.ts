import { describe, expect, test } from 'vitest';
import { biasAddRelu } from '../../src/backend/cpu/biasAddRelu';
import { reluBackward } from '../../src/backend/cpu/reluBackward';
import { reluBackwardCases } from '../cases/reluBackward.cases';
import { asF32, expectClose, fixedRandom, numericGradient } from './numeric';

describe('reluBackward reference', () => {
  for (const c of reluBackwardCases.filter((c) => c.expected)) {
    test(`hand values: ${c.name}`, () => {
      const dx = new Float32Array(c.length).fill(Number.NaN);
      reluBackward(dx, Float32Array.from(c.dy ?? []), Float32Array.from(c.y ?? []), c.length);
      expectClose(dx, c.expected ?? [], c.atol, c.rtol, 'dx');
    });
  }

  test('writes only the first `length` elements', () => {
    const dx = Float32Array.of(-7, -7, -7);
    reluBackward(dx, Float32Array.of(1, 2, 3), Float32Array.of(1, 1, 1), 2);
    expect(Array.from(dx)).toEqual([1, 2, -7]);
  });

  // L = Σ w ⊙ biasAddRelu(x, bias) with fixed w, so dL/dout = w and dL/dx = reluBackward(w, out).
  test('is the gradient of biasAddRelu with respect to x (central differences, float64)', () => {
    const [rows, cols] = [5, 7];
    const x = fixedRandom(rows * cols, 3);
    const bias = fixedRandom(cols, 4);
    const w = fixedRandom(rows * cols, 5);
    const out = new Float64Array(rows * cols);
    const loss = () => {
      biasAddRelu(asF32(out), asF32(x), asF32(bias), rows, cols, true);
      return out.reduce((sum, v, i) => sum + w[i] * v, 0);
    };
    loss();
    // Finite differences are only valid away from the kink at 0.
    expect(Math.min(...out.map((_, i) => Math.abs(x[i] + bias[i % cols])))).toBeGreaterThan(1e-4);
    expect(out.some((v) => v === 0) && out.some((v) => v > 0)).toBe(true);
    const dx = new Float64Array(rows * cols);
    reluBackward(asF32(dx), asF32(w), asF32(out), rows * cols);
    expectClose(dx, numericGradient(loss, x), 1e-8, 1e-7, 'dL/dx');
  });
});
