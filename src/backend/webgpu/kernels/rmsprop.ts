import code from '../../../../shaders/rmsprop.wgsl?raw';
import type { RmspropHyper, Storage } from '../../backend';
import { dispatch1d, type KernelContext } from './context';

export function rmsprop(
  ctx: KernelContext,
  param: Storage,
  meanSquare: Storage,
  grad: Storage,
  length: number,
  h: RmspropHyper,
): void {
  const words = new Uint32Array(4);
  new Float32Array(words.buffer, 0, 3).set([h.learningRate, h.rho, h.epsilon]);
  words[3] = length;
  const pipeline = ctx.pipeline('rmsprop', code, { WORKGROUP_SIZE: ctx.workgroupSize });
  dispatch1d(ctx, pipeline, [param, meanSquare, grad, ctx.uniform(words)], Math.ceil(length / 4));
}
