// Helpers for the CPU reference tests: central finite differences in float64, and comparison.
import { expect } from 'vitest';

/**
 * NOTE: the references are plain loops over indexable arrays, so handing them a Float64Array
 * evaluates them in float64 (nothing is rounded to f32 on store). Finite differences need that:
 * in f32 the rounding error of L divided by a small step swamps the gradient.
 */
export const asF32 = (values: Float64Array) => values as unknown as Float32Array;

/** Fixed pseudo-random values in [-1, 1): reproducible, and far from the usual special points. */
export function fixedRandom(length: number, seed: number): Float64Array {
  const out = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    const s = Math.sin((i + 1) * 12.9898 + seed * 78.233) * 43758.5453;
    out[i] = 2 * (s - Math.floor(s)) - 1;
  }
  return out;
}

/** dL/dv[i] ≈ (L(v + h eᵢ) - L(v - h eᵢ)) / 2h for every i; v is restored afterwards. */
export function numericGradient(loss: () => number, v: Float64Array, h = 1e-6): Float64Array {
  const grad = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) {
    const saved = v[i];
    v[i] = saved + h;
    const up = loss();
    v[i] = saved - h;
    const down = loss();
    v[i] = saved;
    grad[i] = (up - down) / (2 * h);
  }
  return grad;
}

/**
 * |actual - expected| <= atol + rtol * |expected| for every element, with the worst one named. The
 * same check as tests/gpu/harness.ts, which cannot be imported here: it loads the WebGPU backend.
 */
export function expectClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  atol: number,
  rtol: number,
  what = '',
): void {
  expect(actual.length, `${what} length`).toBe(expected.length);
  let worst = -1;
  let worstExcess = 0;
  for (let i = 0; i < expected.length; i++) {
    const excess = Math.abs(actual[i] - expected[i]) - (atol + rtol * Math.abs(expected[i]));
    if (!(excess <= 0) && (worst < 0 || excess > worstExcess || Number.isNaN(excess))) {
      worst = i;
      worstExcess = excess;
    }
  }
  if (worst >= 0) {
    expect.fail(
      `${what}: element ${worst} is ${actual[worst]}, expected ${expected[worst]} (atol ${atol}, rtol ${rtol})`,
    );
  }
}
