// Every WebGPU kernel wrapper, by kernel id: the one place a wrapper is registered. Each takes the
// kernel's arguments as backend.ts's Kernels declares them, after the context.
import type { KernelId, Kernels } from '../../backend';
import { adam } from './adam';
import * as batchNorm from './batchNorm';
import { confusion } from './confusion';
import type { KernelContext } from './context';
import { conv2d, conv2dInputGrad, conv2dKernelGrad } from './conv2d';
import { dropout } from './dropout';
import { elementwiseKernels } from './elementwise';
import { gatherBatch } from './gatherBatch';
import { gatherBatchAugmented } from './gatherBatchAugmented';
import { matmul, nonzeroColumns } from './matmul';
import { maxPool, maxPoolBackward } from './maxPool';
import { weightPenalty } from './regularization';
import { rmsprop } from './rmsprop';
import { sgd } from './sgd';
import { softmaxXent } from './softmaxXent';

type Wrapper<K extends KernelId> = (ctx: KernelContext, ...args: Parameters<Kernels[K]>) => void;

export const webgpuKernels: { [K in KernelId]: Wrapper<K> } = {
  matmul,
  nonzeroColumns,
  ...elementwiseKernels,
  dropout,
  softmaxXent,
  rmsprop,
  sgd,
  adam,
  weightPenalty,
  gatherBatch,
  gatherBatchAugmented,
  confusion,
  conv2d,
  conv2dInputGrad,
  conv2dKernelGrad,
  maxPool,
  maxPoolBackward,
  ...batchNorm,
};

/** The table with the context bound: a backend's kernel methods. */
export function bindKernels(ctx: KernelContext): Kernels {
  const bound: Record<string, (...args: never[]) => void> = {};
  for (const [id, wrapper] of Object.entries(webgpuKernels) as [string, (...args: unknown[]) => void][])
    bound[id] = (...args: unknown[]) => wrapper(ctx, ...args);
  return bound as unknown as Kernels;
}
