import type { AdamStepHyper } from '../backend';

/** Reference for shaders/adam.wgsl (Keras Adam: epsilon outside the square root). */
export function adam(
  param: Float32Array,
  m: Float32Array,
  v: Float32Array,
  grad: Float32Array,
  length: number,
  h: AdamStepHyper,
): void {
  for (let i = 0; i < length; i++) {
    const g = grad[i];
    const mi = Math.fround(m[i] + (g - m[i]) * (1 - h.beta1));
    const vi = Math.fround(v[i] + (g * g - v[i]) * (1 - h.beta2));
    m[i] = mi;
    v[i] = vi;
    param[i] -= (h.stepSize * mi) / (Math.sqrt(vi) + h.epsilon);
  }
}
