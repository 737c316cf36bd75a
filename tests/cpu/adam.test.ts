import { describe, expect, test } from 'vitest';
import { adam } from '../../src/backend/cpu/adam';
import { CpuBackend } from '../../src/backend/cpu/cpuBackend';
import { Tensor } from '../../src/engine/tensor';
import { Adam } from '../../src/nn/adam';
import { type AdamCase, type AdamSettings, adamCases, kerasDefaults, stepHyper } from '../cases/adam.cases';
import { expectClose, fixedRandom } from './numeric';

/** A case's starting state and per-step gradients (random when the case gives none). */
function inputs(c: AdamCase) {
  const scale = c.gradScale ?? 1;
  return {
    param: Float32Array.from(c.param ?? fixedRandom(c.length, 1)),
    m: Float32Array.from(c.m ?? new Float32Array(c.length)),
    v: Float32Array.from(c.v ?? new Float32Array(c.length)),
    grads: Array.from({ length: c.steps }, (_, s) =>
      Float32Array.from(c.grads?.[s] ?? fixedRandom(c.length, 2 + s).map((x) => x * scale)),
    ),
  };
}

/** keras/src/optimizers/adam.py's update_step (amsgrad off) written out independently, in float64. */
function kerasSteps(
  state: { param: number[]; m: number[]; v: number[] },
  grads: ArrayLike<number>[],
  h: AdamSettings,
  iterations = 0,
) {
  const [p, m, v] = [state.param.slice(), state.m.slice(), state.v.slice()];
  for (const [s, g] of grads.entries()) {
    const localStep = iterations + s + 1;
    const alpha = (h.learningRate * Math.sqrt(1 - h.beta2 ** localStep)) / (1 - h.beta1 ** localStep);
    for (let i = 0; i < p.length; i++) {
      m[i] += (g[i] - m[i]) * (1 - h.beta1);
      v[i] += (g[i] ** 2 - v[i]) * (1 - h.beta2);
      p[i] -= (m[i] * alpha) / (Math.sqrt(v[i]) + h.epsilon);
    }
  }
  return { param: p, m, v };
}

describe('adam reference', () => {
  for (const c of adamCases.filter((c) => c.expected)) {
    test(`hand values: ${c.name}`, () => {
      const { param, m, v, grads } = inputs(c);
      for (const [s, g] of grads.entries()) adam(param, m, v, g, c.length, stepHyper(c, s));
      expectClose(param, c.expected?.param ?? [], c.atol, c.rtol, 'param');
      expectClose(m, c.expected?.m ?? [], 1e-9, 1e-6, 'm');
      expectClose(v, c.expected?.v ?? [], 1e-12, 1e-6, 'v');
    });
  }

  // With g = 1 from zero state, alpha = 1 and beta1 = beta2 = 0: m = v = 1. Keras steps by
  // 1/(sqrt(1) + 1) = 0.5 (epsilon outside the root); inside it would be 1/sqrt(2).
  test('epsilon sits outside the square root, as in Keras', () => {
    const param = Float32Array.of(0);
    adam(param, Float32Array.of(0), Float32Array.of(0), Float32Array.of(1), 1, {
      stepSize: 1,
      beta1: 0,
      beta2: 0,
      epsilon: 1,
    });
    expect(param[0]).toBeCloseTo(-0.5, 6);
  });

  for (const c of adamCases.filter((c) => c.length <= 10_000)) {
    test(`${c.steps} steps match Keras in float64: ${c.name}`, () => {
      const { param, m, v, grads } = inputs(c);
      const start = { param: Array.from(param), m: Array.from(m), v: Array.from(v) };
      const expected = kerasSteps(start, grads, c.settings, c.iterations);
      for (const [s, g] of grads.entries()) adam(param, m, v, g, c.length, stepHyper(c, s));
      expectClose(param, expected.param, c.atol, c.rtol, 'param');
      expectClose(m, expected.m, 3e-8, 1e-6, 'm');
      expectClose(v, expected.v, 1e-10, 1e-6, 'v');
    });
  }
});

describe('the Adam optimizer', () => {
  // Bias correction is applied per step from the optimizer's own count, as Keras's iterations.
  test('five steps on the CPU backend match Keras in float64, and the count is kept', async () => {
    const backend = new CpuBackend();
    const start = Array.from(fixedRandom(37, 9));
    const p = Tensor.from(backend, [37], Float32Array.from(start), true);
    const grads = Array.from({ length: 5 }, (_, s) => Float32Array.from(fixedRandom(37, 20 + s)));
    const optimizer = new Adam();
    for (const g of grads) {
      p.grad = Tensor.from(backend, [37], g);
      optimizer.step(backend, [p]);
    }
    expect(optimizer.iterations).toBe(5);
    const zeros = new Array(37).fill(0);
    const expected = kerasSteps({ param: start, m: zeros, v: zeros }, grads, kerasDefaults);
    expectClose(await p.toArray(), expected.param, 1e-7, 1e-6, 'param');
  });
});
