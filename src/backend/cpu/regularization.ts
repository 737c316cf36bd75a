// References for Keras's kernel_regularizer as the optimizer shaders fold it in (their gradient()),
// and for shaders/weightPenalty.wgsl, the penalty the loss reports.

/**
 * The gradients plus the penalty's, l1·sign(w) + 2·l2·w, in f32 as the shaders compute it; a copy
 * (the optimizer references then run on it unchanged).
 */
export function regularizedGradient(
  grad: Float32Array,
  param: Float32Array,
  l1: Float32Array,
  l2: Float32Array,
  length: number,
): Float32Array {
  const f = Math.fround;
  const out = Float32Array.from(grad.subarray(0, length));
  for (let i = 0; i < length; i++) {
    const w = param[i];
    out[i] = f(f(grad[i] + f(l1[i] * Math.sign(w))) + f(f(2 * l2[i]) * w));
  }
  return out;
}

/** Σ l1·|w| + l2·w² over the first `length` parameters (float64; the shader sums in f32). */
export function weightPenalty(
  param: Float32Array,
  l1: Float32Array,
  l2: Float32Array,
  length: number,
): number {
  let sum = 0;
  for (let i = 0; i < length; i++) sum += l1[i] * Math.abs(param[i]) + l2[i] * param[i] * param[i];
  return sum;
}
