// Helpers for the CPU reference tests: central finite differences in float64, and comparison.

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

export { expectClose } from '../cases/expectClose';
