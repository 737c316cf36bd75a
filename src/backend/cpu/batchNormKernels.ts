// The reference BatchNormalization kernels over Storage (cpu/kernels.ts spreads them into its table).
import type { BatchNormKernels, BatchNormShape } from '../batchNorm';
import type { Storage } from '../storage';
import { batchNormApply, batchNormInputGrad, batchNormReduce, batchNormStats } from './batchNorm';

/** A CpuStorage's f32 words (typed structurally: kernels.ts imports this file). */
const f32 = (s: Storage) => (s as Storage & { f32: Float32Array }).f32;

export const cpuBatchNormKernels = {
  batchNormStats: (stats: Storage, moving: Storage, x: Storage, shape: BatchNormShape): void =>
    batchNormStats(f32(stats), f32(moving), f32(x), shape),
  batchNormApply: (
    y: Storage,
    x: Storage,
    stats: Storage,
    gamma: Storage,
    beta: Storage,
    shape: BatchNormShape,
  ): void => batchNormApply(f32(y), f32(x), f32(stats), f32(gamma), f32(beta), shape),
  batchNormReduce: (
    dgamma: Storage,
    dbeta: Storage,
    dy: Storage,
    x: Storage,
    stats: Storage,
    shape: BatchNormShape,
  ): void => batchNormReduce(f32(dgamma), f32(dbeta), f32(dy), f32(x), f32(stats), shape),
  batchNormInputGrad: (
    dx: Storage,
    dy: Storage,
    x: Storage,
    stats: Storage,
    gamma: Storage,
    sums: { dgamma: Storage; dbeta: Storage } | null,
    shape: BatchNormShape,
    reluMask: boolean,
  ): void =>
    batchNormInputGrad(
      f32(dx),
      f32(dy),
      f32(x),
      f32(stats),
      f32(gamma),
      sums && { dgamma: f32(sums.dgamma), dbeta: f32(sums.dbeta) },
      shape,
      reluMask,
    ),
} satisfies BatchNormKernels;
