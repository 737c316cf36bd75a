import code from '../../../../shaders/confusion.wgsl?raw';
import { dispatch1d, type KernelContext, u32s } from './context';

export interface ConfusionBuffers {
  matrix: GPUBuffer;
  predicted: GPUBuffer;
  probs: GPUBuffer;
  logits: GPUBuffer;
  labels: GPUBuffer;
}

export function confusion(
  ctx: KernelContext,
  b: ConfusionBuffers,
  rows: number,
  cols: number,
  offset: number,
): void {
  const pipeline = ctx.pipeline('confusion', code, { WORKGROUP_SIZE: ctx.workgroupSize });
  const buffers = [b.matrix, b.predicted, b.probs, b.logits, b.labels, ctx.uniform(u32s(rows, cols, offset))];
  dispatch1d(ctx, pipeline, buffers, rows);
}
