import code from '../../../../shaders/softmaxXent.wgsl?raw';
import type { SoftmaxXentArgs, SoftmaxXentMode } from '../../backend';
import { type KernelContext, u32s } from './context';

const MODES: Record<SoftmaxXentMode, number> = { train: 0, eval: 1, predict: 2 };

export function softmaxXent(ctx: KernelContext, a: SoftmaxXentArgs): void {
  // One workgroup walks every row and reduces in workgroup memory (see the shader's header).
  const workgroupSize = Math.min(256, ctx.limits.maxComputeInvocationsPerWorkgroup);
  const pipeline = ctx.pipeline('softmaxXent', code, { MODE: MODES[a.mode], WORKGROUP_SIZE: workgroupSize });
  const dims = ctx.uniform(u32s(a.rows, a.cols));
  ctx.dispatch(pipeline, [a.out, a.metrics, a.loss, a.predictions, a.logits, a.labels, dims], 1);
}
