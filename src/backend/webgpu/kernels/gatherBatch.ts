import code from '../../../../shaders/gatherBatch.wgsl?raw';
import { dispatch1d, type KernelContext, u32s } from './context';

export interface GatherBatchBuffers {
  x: GPUBuffer;
  labels: GPUBuffer;
  images: GPUBuffer;
  labelBytes: GPUBuffer;
  order: GPUBuffer;
}

export function gatherBatch(
  ctx: KernelContext,
  b: GatherBatchBuffers,
  offset: number,
  rows: number,
  pixelsPerImage: number,
): void {
  const quads = pixelsPerImage % 4 === 0;
  const pipeline = ctx.pipeline('gatherBatch', code, { WORKGROUP_SIZE: ctx.workgroupSize, QUADS: quads });
  const params = ctx.uniform(u32s(offset, rows, pixelsPerImage));
  const invocations = quads ? (rows * pixelsPerImage) / 4 : rows * pixelsPerImage;
  dispatch1d(ctx, pipeline, [b.x, b.labels, b.images, b.labelBytes, b.order, params], invocations);
}
