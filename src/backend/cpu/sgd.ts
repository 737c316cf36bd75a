import type { SgdHyper } from '../backend';

/**
 * Reference for shaders/sgd.wgsl (Keras SGD). With momentum 0 the velocity is not touched (Keras
 * keeps none): `velocity` may then be any array.
 */
export function sgd(
  param: Float32Array,
  velocity: Float32Array,
  grad: Float32Array,
  length: number,
  h: SgdHyper,
): void {
  for (let i = 0; i < length; i++) {
    const g = grad[i];
    if (h.momentum === 0) {
      param[i] -= h.learningRate * g;
      continue;
    }
    const v = Math.fround(h.momentum * velocity[i] - h.learningRate * g);
    velocity[i] = v;
    param[i] += h.nesterov ? h.momentum * v - h.learningRate * g : v;
  }
}
