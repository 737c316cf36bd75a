import code from '../../../../shaders/gatherBatch.wgsl?raw';
import type { GatherBatchArgs } from '../../backend';
import { dispatch1d, type KernelContext, u32s } from './context';

export function gatherBatch(ctx: KernelContext, a: GatherBatchArgs): void {
  const { rows, pixelsPerImage } = a;
  const quads = pixelsPerImage % 4 === 0;
  const pipeline = ctx.pipeline('gatherBatch', code, { WORKGROUP_SIZE: ctx.workgroupSize, QUADS: quads });
  const params = ctx.uniform(u32s(a.offset, rows, pixelsPerImage));
  const invocations = quads ? (rows * pixelsPerImage) / 4 : rows * pixelsPerImage;
  dispatch1d(ctx, pipeline, [a.x, a.labels, a.images, a.labelBytes, a.order, params], invocations);
}
