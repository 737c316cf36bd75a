// The arguments of the regularizers' kernels (dropout, and the weight penalty folded into the
// optimizers), kept beside backend.ts's Kernels, which uses them.
import type { Storage } from './storage';

/**
 * Which units a Dropout layer keeps at one step: a pure function of these, so a run repeats and
 * resumes exactly, and the backward pass redraws the forward's mask (shaders/dropout.wgsl).
 */
export interface DropoutMask {
  /** The fraction of units dropped, in [0, 1). */
  rate: number;
  /** The run's seed and the training step (u32 each). */
  seed: number;
  step: number;
  /** Tells the model's Dropout layers apart (their place in the stack). */
  salt: number;
}

/**
 * Keras's kernel_regularizer, folded into an optimizer's update (no dispatch of its own): the
 * gradient gets l1·sign(w) + 2·l2·w added, the penalty Σ l1·|w| + l2·w²'s. Coefficients per
 * element, laid out like the parameters they go with (the arena), zero where there is none.
 */
export interface Regularization {
  l1: Storage;
  l2: Storage;
}
