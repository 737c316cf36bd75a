import type { Backend, Regularization, Storage } from '../backend/backend';
import type { Tensor } from '../engine/tensor';
import type { OptimizerKind } from '../protocol/optimizers';
import type { ParameterArena } from './parameterArena';

export type { OptimizerKind } from '../protocol/optimizers';
export { DEFAULT_LEARNING_RATES, OPTIMIZER_KINDS, OPTIMIZER_NAMES } from '../protocol/optimizers';

/**
 * What Sequential, the run and checkpoints need of an optimizer (SGD, RMSprop, Adam). Each updates
 * every parameter of the arena in one dispatch, from the gradients the tape left in .grad.
 */
export interface Optimizer {
  readonly kind: OptimizerKind;
  /** Read at every step; changed between steps only through setLearningRate. */
  readonly learningRate: number;
  /**
   * The one way a learning rate is set after the optimizer is built (a live change, a resumed run,
   * the rate finder's sweep): checked by the protocol's rule, throwing its message.
   */
  setLearningRate(learningRate: number): void;
  /** Steps taken (Keras's `iterations`): Adam's bias correction depends on it, so checkpoints keep it. */
  iterations: number;
  /** What each parameter's state arrays are, in order (RMSprop: its mean square); [] when none. */
  readonly slotNames: readonly string[];
  /**
   * Keeps the state of the arena's parameters in storage of its layout (Sequential.compile); with
   * `regularization` (laid out like the arena), every update adds the penalty's gradient.
   */
  attach(backend: Backend, arena: ParameterArena, regularization?: Regularization): void;
  step(backend: Backend, parameters: Tensor[]): void;
  /** A parameter's state arrays (slotNames), for checkpoints; undefined before the first step. */
  state(parameter: Tensor): Storage[] | undefined;
  /** Puts back arrays read from state() (resuming from a checkpoint, maybe on another device). */
  setState(backend: Backend, parameter: Tensor, arrays: Float32Array[]): void;
  dispose(backend: Backend): void;
}
