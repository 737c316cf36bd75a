import maxPoolCode from '../../../../shaders/maxPool.wgsl?raw';
import maxPoolBackwardCode from '../../../../shaders/maxPoolBackward.wgsl?raw';
import type { PoolShape, Storage } from '../../backend';
import { dispatch1d, type KernelContext, u32s } from './context';

export function maxPool(ctx: KernelContext, y: Storage, argmax: Storage, x: Storage, s: PoolShape): void {
  const pipeline = ctx.pipeline('maxPool', maxPoolCode, { WORKGROUP_SIZE: ctx.workgroupSize });
  const outputs = s.batch * Math.floor(s.height / 2) * Math.floor(s.width / 2) * s.channels;
  const uniform = ctx.uniform(u32s(s.batch, s.height, s.width, s.channels));
  dispatch1d(ctx, pipeline, [y, argmax, x, uniform], outputs);
}

/** Clears dx first: the kernel writes only the argmax entries. */
export function maxPoolBackward(
  ctx: KernelContext,
  dx: Storage,
  dy: Storage,
  argmax: Storage,
  s: PoolShape,
): void {
  ctx.clear(dx, s.batch * s.height * s.width * s.channels);
  const pipeline = ctx.pipeline('maxPoolBackward', maxPoolBackwardCode, {
    WORKGROUP_SIZE: ctx.workgroupSize,
  });
  const outputs = s.batch * Math.floor(s.height / 2) * Math.floor(s.width / 2) * s.channels;
  dispatch1d(ctx, pipeline, [dx, dy, argmax, ctx.uniform(u32s(outputs))], outputs);
}
