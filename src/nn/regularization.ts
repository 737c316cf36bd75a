import type { Backend, Regularization } from '../backend/backend';
import type { Tensor } from '../engine/tensor';
import type { ParameterArena } from './parameterArena';

/** Keras's kernel_regularizer: L1L2(l1, l2), the penalty l1·Σ|w| + l2·Σw² on a layer's kernel. */
export interface KernelRegularizer {
  l1: number;
  l2: number;
}

/** Checks a regularizer's coefficients (each finite and at least 0), naming the layer. */
export function checkRegularizer(layer: string, r: KernelRegularizer | undefined): void {
  if (!r) return;
  for (const [name, value] of Object.entries(r))
    if (!(Number.isFinite(value) && value >= 0))
      throw new Error(`${layer}: ${name} must be a number of at least 0, got ${value}`);
}

/**
 * The per-parameter coefficients of every kernel regularizer, laid out like the arena (zero for
 * biases and for layers without one); null when no layer has one, so a model without any binds and
 * records nothing more.
 */
export function arenaRegularization(
  backend: Backend,
  arena: ParameterArena,
  kernels: { kernel: Tensor; regularizer: KernelRegularizer }[],
): Regularization | null {
  const used = kernels.filter(({ regularizer: r }) => r.l1 > 0 || r.l2 > 0);
  if (used.length === 0) return null;
  const [l1, l2] = [backend.alloc(arena.length), backend.alloc(arena.length)];
  backend.fill(l1, 0, arena.length);
  backend.fill(l2, 0, arena.length);
  for (const { kernel, regularizer } of used) {
    backend.fill(arena.slot(l1, kernel), regularizer.l1, kernel.size);
    backend.fill(arena.slot(l2, kernel), regularizer.l2, kernel.size);
  }
  return { l1, l2 };
}
