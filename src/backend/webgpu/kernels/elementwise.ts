import addCode from '../../../../shaders/add.wgsl?raw';
import biasAddReluCode from '../../../../shaders/biasAddRelu.wgsl?raw';
import reluBackwardCode from '../../../../shaders/reluBackward.wgsl?raw';
import sumRowsCode from '../../../../shaders/sumRows.wgsl?raw';
import type { Storage } from '../../backend';
import { dispatch1d, type KernelContext, u32s } from './context';

// The small kernels around a dense layer: bias + activation, its backward, the bias gradient, and
// gradient accumulation. Each is one dispatch with one invocation per output element. A new one is
// a function here and its entry in elementwiseKernels (the table takes them all).

export function biasAddRelu(
  ctx: KernelContext,
  out: Storage,
  x: Storage,
  bias: Storage,
  rows: number,
  cols: number,
  relu: boolean,
): void {
  const pipeline = ctx.pipeline('biasAddRelu', biasAddReluCode, {
    RELU: relu,
    WORKGROUP_SIZE: ctx.workgroupSize,
  });
  dispatch1d(ctx, pipeline, [out, x, bias, ctx.uniform(u32s(rows, cols))], rows * cols);
}

export function reluBackward(ctx: KernelContext, dx: Storage, dy: Storage, y: Storage, length: number): void {
  const pipeline = ctx.pipeline('reluBackward', reluBackwardCode, { WORKGROUP_SIZE: ctx.workgroupSize });
  dispatch1d(ctx, pipeline, [dx, dy, y, ctx.uniform(u32s(length))], length);
}

export function sumRows(ctx: KernelContext, out: Storage, x: Storage, rows: number, cols: number): void {
  const pipeline = ctx.pipeline('sumRows', sumRowsCode, { WORKGROUP_SIZE: ctx.workgroupSize });
  ctx.dispatch(pipeline, [out, x, ctx.uniform(u32s(rows, cols))], Math.ceil(cols / ctx.workgroupSize));
}

export function add(ctx: KernelContext, out: Storage, x: Storage, length: number): void {
  const pipeline = ctx.pipeline('add', addCode, { WORKGROUP_SIZE: ctx.workgroupSize });
  dispatch1d(ctx, pipeline, [out, x, ctx.uniform(u32s(length))], length);
}

/** The wrappers above, by kernel id, for the table (table.ts). */
export const elementwiseKernels = { biasAddRelu, reluBackward, sumRows, add };
