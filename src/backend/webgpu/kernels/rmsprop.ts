import code from '../../../../shaders/rmsprop.wgsl?raw';
import type { Regularization, RmspropHyper, Storage } from '../../backend';
import { dispatch1d, type KernelContext } from './context';
import { regularizationBindings } from './regularization';

export function rmsprop(
  ctx: KernelContext,
  param: Storage,
  meanSquare: Storage,
  grad: Storage,
  length: number,
  h: RmspropHyper,
  regularization?: Regularization,
): void {
  const words = new Uint32Array(4);
  new Float32Array(words.buffer, 0, 3).set([h.learningRate, h.rho, h.epsilon]);
  words[3] = length;
  const r = regularizationBindings(regularization, grad);
  const pipeline = ctx.pipeline('rmsprop', code, { WORKGROUP_SIZE: ctx.workgroupSize, ...r.constants });
  const bindings = [param, meanSquare, grad, ctx.uniform(words), ...r.bindings];
  dispatch1d(ctx, pipeline, bindings, Math.ceil(length / 4));
}
