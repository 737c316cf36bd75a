import { describe, expect, test } from 'vitest';
import type { SgdHyper } from '../../src/backend/backend';
import { sgd } from '../../src/backend/cpu/sgd';
import { type SgdCase, sgdCases } from '../cases/sgd.cases';
import { expectClose, fixedRandom } from './numeric';

/** A case's starting state and per-step gradients (random when the case gives none). */
function inputs(c: SgdCase) {
  const scale = c.gradScale ?? 1;
  return {
    param: Float32Array.from(c.param ?? fixedRandom(c.length, 1)),
    velocity: Float32Array.from(c.velocity ?? new Float32Array(c.length)),
    grads: Array.from({ length: c.steps }, (_, s) =>
      Float32Array.from(c.grads?.[s] ?? fixedRandom(c.length, 2 + s).map((v) => v * scale)),
    ),
  };
}

/** keras/src/optimizers/sgd.py's update_step written out independently, in float64. */
function kerasSteps(param: number[], velocity: number[], grads: ArrayLike<number>[], h: SgdHyper) {
  const p = param.slice();
  const m = velocity.slice();
  for (const g of grads) {
    for (let i = 0; i < p.length; i++) {
      if (h.momentum !== 0) {
        m[i] = -g[i] * h.learningRate + m[i] * h.momentum;
        p[i] += h.nesterov ? -g[i] * h.learningRate + m[i] * h.momentum : m[i];
      } else {
        p[i] -= g[i] * h.learningRate;
      }
    }
  }
  return { param: p, velocity: m };
}

describe('sgd reference', () => {
  for (const c of sgdCases.filter((c) => c.expected)) {
    test(`hand values: ${c.name}`, () => {
      const { param, velocity, grads } = inputs(c);
      for (const g of grads) sgd(param, velocity, g, c.length, c.hyper);
      expectClose(param, c.expected?.param ?? [], c.atol, c.rtol, 'param');
      if (c.expected?.velocity) expectClose(velocity, c.expected.velocity, 1e-8, 1e-6, 'velocity');
    });
  }

  test('momentum 0 leaves the velocity alone (Keras keeps none)', () => {
    const velocity = Float32Array.of(7, 8);
    sgd(new Float32Array(2), velocity, Float32Array.of(1, 2), 2, {
      learningRate: 0.1,
      momentum: 0,
      nesterov: true,
    });
    expect(Array.from(velocity)).toEqual([7, 8]);
  });

  test('reads the gradient without changing it', () => {
    const grad = Float32Array.of(0.5, -0.25);
    sgd(new Float32Array(2), new Float32Array(2), grad, 2, {
      learningRate: 0.1,
      momentum: 0.9,
      nesterov: true,
    });
    expect(Array.from(grad)).toEqual([0.5, -0.25]);
  });

  for (const c of sgdCases.filter((c) => c.length <= 10_000)) {
    test(`${c.steps} steps match Keras in float64: ${c.name}`, () => {
      const { param, velocity, grads } = inputs(c);
      const expected = kerasSteps(Array.from(param), Array.from(velocity), grads, c.hyper);
      for (const g of grads) sgd(param, velocity, g, c.length, c.hyper);
      expectClose(param, expected.param, c.atol, c.rtol, 'param');
      if (c.hyper.momentum !== 0) expectClose(velocity, expected.velocity, 1e-9, 1e-6, 'velocity');
    });
  }
});
