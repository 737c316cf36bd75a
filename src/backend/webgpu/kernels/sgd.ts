import code from '../../../../shaders/sgd.wgsl?raw';
import type { Regularization, SgdHyper, Storage } from '../../backend';
import { dispatch1d, type KernelContext } from './context';
import { regularizationBindings } from './regularization';

export function sgd(
  ctx: KernelContext,
  param: Storage,
  velocity: Storage | null,
  grad: Storage,
  length: number,
  h: SgdHyper,
  regularization?: Regularization,
): void {
  if (!velocity && h.momentum !== 0) throw new Error('sgd: momentum needs a velocity');
  const words = new Uint32Array(4);
  new Float32Array(words.buffer, 0, 2).set([h.learningRate, h.momentum]);
  words[2] = h.nesterov ? 1 : 0;
  words[3] = length;
  const r = regularizationBindings(regularization, grad);
  const pipeline = ctx.pipeline('sgd', code, { WORKGROUP_SIZE: ctx.workgroupSize, ...r.constants });
  // With momentum 0 the shader never touches binding 1.
  const bindings = [param, velocity ?? ctx.unused, grad, ctx.uniform(words), ...r.bindings];
  dispatch1d(ctx, pipeline, bindings, Math.ceil(length / 4));
}
