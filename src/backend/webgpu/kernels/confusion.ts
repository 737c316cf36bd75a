import code from '../../../../shaders/confusion.wgsl?raw';
import type { ConfusionArgs } from '../../backend';
import { dispatch1d, type KernelContext, u32s } from './context';

export function confusion(ctx: KernelContext, a: ConfusionArgs): void {
  const pipeline = ctx.pipeline('confusion', code, { WORKGROUP_SIZE: ctx.workgroupSize });
  const params = ctx.uniform(u32s(a.rows, a.cols, a.offset));
  dispatch1d(ctx, pipeline, [a.matrix, a.predicted, a.probs, a.logits, a.labels, params], a.rows);
}
