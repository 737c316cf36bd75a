import type { RmspropHyper } from '../backend';

/** Reference for shaders/rmsprop.wgsl (Keras RMSprop: epsilon inside the square root). */
export function rmsprop(
  param: Float32Array,
  meanSquare: Float32Array,
  grad: Float32Array,
  length: number,
  h: RmspropHyper,
): void {
  for (let i = 0; i < length; i++) {
    const g = grad[i];
    const ms = Math.fround(h.rho * meanSquare[i] + (1 - h.rho) * g * g);
    meanSquare[i] = ms;
    param[i] -= (h.learningRate * g) / Math.sqrt(ms + h.epsilon);
  }
}
