import { describe, expect, test } from 'vitest';
import type { RmspropHyper } from '../../src/backend/backend';
import { rmsprop } from '../../src/backend/cpu/rmsprop';
import { type RmspropCase, rmspropCases } from '../cases/rmsprop.cases';
import { expectClose, fixedRandom } from './numeric';

/** A case's starting state and per-step gradients (random when the case gives none). */
function inputs(c: RmspropCase) {
  const scale = c.gradScale ?? 1;
  return {
    param: Float32Array.from(c.param ?? fixedRandom(c.length, 1)),
    meanSquare: Float32Array.from(c.meanSquare ?? new Float32Array(c.length)),
    grads: Array.from({ length: c.steps }, (_, s) =>
      Float32Array.from(c.grads?.[s] ?? fixedRandom(c.length, 2 + s).map((v) => v * scale)),
    ),
  };
}

/** Keras RMSprop written out independently, in float64. */
function kerasSteps(param: number[], meanSquare: number[], grads: ArrayLike<number>[], h: RmspropHyper) {
  const p = param.slice();
  const ms = meanSquare.slice();
  for (const g of grads) {
    for (let i = 0; i < p.length; i++) {
      ms[i] = h.rho * ms[i] + (1 - h.rho) * g[i] ** 2;
      p[i] -= (h.learningRate * g[i]) / Math.sqrt(ms[i] + h.epsilon);
    }
  }
  return { param: p, meanSquare: ms };
}

describe('rmsprop reference', () => {
  for (const c of rmspropCases.filter((c) => c.expected)) {
    test(`hand values: ${c.name}`, () => {
      const { param, meanSquare, grads } = inputs(c);
      for (const g of grads) rmsprop(param, meanSquare, g, c.length, c.hyper);
      expectClose(param, c.expected?.param ?? [], c.atol, c.rtol, 'param');
      expectClose(meanSquare, c.expected?.meanSquare ?? [], 1e-9, 1e-6, 'meanSquare');
    });
  }

  // With lr = rho = epsilon = 1, g = 1 and meanSquare 0: Keras steps by 1/sqrt(1 + 1), PyTorch
  // (epsilon outside the root) by 1/(1 + 1).
  test('epsilon sits inside the square root, as in Keras', () => {
    const param = Float32Array.of(0);
    rmsprop(param, Float32Array.of(0), Float32Array.of(1), 1, { learningRate: 1, rho: 0, epsilon: 1 });
    expect(param[0]).toBeCloseTo(-Math.SQRT1_2, 6);
  });

  test('reads the gradient without changing it', () => {
    const grad = Float32Array.of(0.5, -0.25);
    rmsprop(new Float32Array(2), new Float32Array(2), grad, 2, {
      learningRate: 0.1,
      rho: 0.9,
      epsilon: 1e-7,
    });
    expect(Array.from(grad)).toEqual([0.5, -0.25]);
  });

  for (const c of rmspropCases.filter((c) => c.length <= 1000)) {
    test(`${c.steps} steps match Keras in float64: ${c.name}`, () => {
      const { param, meanSquare, grads } = inputs(c);
      const expected = kerasSteps(Array.from(param), Array.from(meanSquare), grads, c.hyper);
      for (const g of grads) rmsprop(param, meanSquare, g, c.length, c.hyper);
      expectClose(param, expected.param, c.atol, c.rtol, 'param');
      expectClose(meanSquare, expected.meanSquare, 1e-12, 1e-6, 'meanSquare');
    });
  }
});
