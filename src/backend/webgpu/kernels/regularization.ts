import code from '../../../../shaders/weightPenalty.wgsl?raw';
import type { Regularization, Storage } from '../../backend';
import { type Binding, type KernelContext, u32s } from './context';

/**
 * The optimizers' constants and last two bindings for an optional regularization. Without one the
 * shader reads neither binding, and both get `grad`, read-only already (ctx.unused may be bound
 * read-write in the same dispatch: SGD's absent velocity).
 */
export function regularizationBindings(
  regularization: Regularization | undefined,
  grad: Storage,
): { constants: { REGULARIZED: boolean }; bindings: Binding[] } {
  return {
    constants: { REGULARIZED: regularization !== undefined },
    bindings: regularization ? [regularization.l1, regularization.l2] : [grad, grad],
  };
}

/** metrics[0] += rows · Σ l1·|w| + l2·w², in one workgroup. */
export function weightPenalty(
  ctx: KernelContext,
  metrics: Storage,
  params: Storage,
  regularization: Regularization,
  length: number,
  rows: number,
): void {
  const pipeline = ctx.pipeline('weightPenalty', code);
  const bindings = [metrics, params, regularization.l1, regularization.l2, ctx.uniform(u32s(length, rows))];
  ctx.dispatch(pipeline, bindings, 1);
}
