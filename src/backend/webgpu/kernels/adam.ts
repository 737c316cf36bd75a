import code from '../../../../shaders/adam.wgsl?raw';
import type { AdamStepHyper, Regularization, Storage } from '../../backend';
import { dispatch1d, type KernelContext } from './context';
import { regularizationBindings } from './regularization';

export function adam(
  ctx: KernelContext,
  param: Storage,
  m: Storage,
  v: Storage,
  grad: Storage,
  length: number,
  h: AdamStepHyper,
  regularization?: Regularization,
): void {
  const words = new Uint32Array(8);
  new Float32Array(words.buffer, 0, 4).set([h.stepSize, 1 - h.beta1, 1 - h.beta2, h.epsilon]);
  words[4] = length;
  const r = regularizationBindings(regularization, grad);
  const pipeline = ctx.pipeline('adam', code, { WORKGROUP_SIZE: ctx.workgroupSize, ...r.constants });
  // The step size changes at every step: a ring of uniform buffers, not one buffer per value.
  const bindings = [param, m, v, grad, ctx.changingUniform('adam', words), ...r.bindings];
  dispatch1d(ctx, pipeline, bindings, Math.ceil(length / 4));
}
