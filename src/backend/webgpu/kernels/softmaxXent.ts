import code from '../../../../shaders/softmaxXent.wgsl?raw';
import type { SoftmaxXentMode } from '../../backend';
import { type KernelContext, u32s } from './context';

const MODES: Record<SoftmaxXentMode, number> = { train: 0, eval: 1, predict: 2 };

export interface SoftmaxXentBuffers {
  out: GPUBuffer;
  metrics: GPUBuffer;
  loss: GPUBuffer;
  predictions: GPUBuffer;
  logits: GPUBuffer;
  labels: GPUBuffer;
}

export function softmaxXent(
  ctx: KernelContext,
  mode: SoftmaxXentMode,
  rows: number,
  cols: number,
  b: SoftmaxXentBuffers,
): void {
  // One workgroup walks every row and reduces in workgroup memory (see the shader's header).
  const workgroupSize = Math.min(256, ctx.limits.maxComputeInvocationsPerWorkgroup);
  const pipeline = ctx.pipeline('softmaxXent', code, { MODE: MODES[mode], WORKGROUP_SIZE: workgroupSize });
  const dims = ctx.uniform(u32s(rows, cols));
  ctx.dispatch(pipeline, [b.out, b.metrics, b.loss, b.predictions, b.logits, b.labels, dims], 1);
}
