import applyCode from '../../../../shaders/batchNormApply.wgsl?raw';
import inputGradCode from '../../../../shaders/batchNormInputGrad.wgsl?raw';
import reduceCode from '../../../../shaders/batchNormReduce.wgsl?raw';
import statsCode from '../../../../shaders/batchNormStats.wgsl?raw';
import type { Storage } from '../../backend';
import { type BatchNormShape, statsStride } from '../../batchNorm';
import { dispatch1d, type KernelContext } from './context';

// BatchNormalization's four kernels: the two reductions run one workgroup per channel, the two
// elementwise ones one invocation per element. Their shapes repeat every step: cached uniforms.

/** Four u32 words with an f32 in the fourth: {count, channels, stride, epsilon or momentum}. */
function params(count: number, shape: BatchNormShape, last: number, rows?: number): Uint32Array {
  const words = new Uint32Array(rows === undefined ? 4 : 8);
  words.set([count, shape.channels, statsStride(shape.channels)]);
  const floats = new Float32Array(words.buffer);
  floats[3] = last;
  if (rows !== undefined) floats[4] = rows;
  return words;
}

export function batchNormStats(
  ctx: KernelContext,
  stats: Storage,
  moving: Storage,
  x: Storage,
  shape: BatchNormShape,
): void {
  const pipeline = ctx.pipeline('batchNormStats', statsCode);
  const uniform = ctx.uniform(params(shape.rows, shape, shape.momentum));
  ctx.dispatch(pipeline, [stats, moving, x, uniform], shape.channels); // a workgroup per channel
}

export function batchNormApply(
  ctx: KernelContext,
  y: Storage,
  x: Storage,
  stats: Storage,
  gamma: Storage,
  beta: Storage,
  shape: BatchNormShape,
): void {
  const length = shape.rows * shape.channels;
  const pipeline = ctx.pipeline('batchNormApply', applyCode, { WORKGROUP_SIZE: ctx.workgroupSize });
  const uniform = ctx.uniform(params(length, shape, shape.epsilon));
  dispatch1d(ctx, pipeline, [y, x, stats, gamma, beta, uniform], length);
}

export function batchNormReduce(
  ctx: KernelContext,
  dgamma: Storage,
  dbeta: Storage,
  dy: Storage,
  x: Storage,
  stats: Storage,
  shape: BatchNormShape,
): void {
  const pipeline = ctx.pipeline('batchNormReduce', reduceCode);
  const uniform = ctx.uniform(params(shape.rows, shape, shape.epsilon));
  ctx.dispatch(pipeline, [dgamma, dbeta, dy, x, stats, uniform], shape.channels);
}

export function batchNormInputGrad(
  ctx: KernelContext,
  dx: Storage,
  dy: Storage,
  x: Storage,
  stats: Storage,
  gamma: Storage,
  sums: { dgamma: Storage; dbeta: Storage } | null,
  shape: BatchNormShape,
  reluMask: boolean,
): void {
  const length = shape.rows * shape.channels;
  const training = sums !== null;
  const pipeline = ctx.pipeline('batchNormInputGrad', inputGradCode, {
    WORKGROUP_SIZE: ctx.workgroupSize,
    TRAINING: training,
    RELU_MASK: reluMask,
  });
  const uniform = ctx.uniform(params(length, shape, shape.epsilon, shape.rows));
  const [dgamma, dbeta] = sums ? [sums.dgamma, sums.dbeta] : [ctx.unused, ctx.unused];
  dispatch1d(ctx, pipeline, [dx, dy, x, stats, gamma, dgamma, dbeta, uniform], length);
}
