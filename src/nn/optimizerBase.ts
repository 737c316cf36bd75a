import type { Backend, Regularization, Storage } from '../backend/backend';
import type { Tensor } from '../engine/tensor';
import { learningRateError } from '../protocol/optimizers';
import type { Optimizer, OptimizerKind } from './optimizer';
import { OptimizerSlots } from './optimizerSlots';
import type { ParameterArena } from './parameterArena';

/**
 * What SGD, RMSprop and Adam share: their state arrays, the step count, and the step's choice of
 * one dispatch over the whole arena (when every gradient is in its slot there) or one per
 * parameter. A subclass says only how one span of values is updated.
 */
export abstract class OptimizerBase implements Optimizer {
  abstract readonly kind: OptimizerKind;
  readonly slotNames: readonly string[];
  #learningRate = 0;
  iterations = 0;
  private readonly slots: OptimizerSlots;
  private arena: ParameterArena | null = null;
  private regularization: Regularization | undefined;

  protected constructor(name: string, learningRate: number, slotNames: readonly string[]) {
    this.setLearningRate(learningRate);
    this.slotNames = slotNames;
    this.slots = new OptimizerSlots(name, slotNames.length);
  }

  get learningRate(): number {
    return this.#learningRate;
  }

  setLearningRate(learningRate: number): void {
    const error = learningRateError(learningRate);
    if (error) throw new Error(error);
    this.#learningRate = learningRate;
  }

  /**
   * Records the update of `length` parameters from their gradients, with their state (slotNames),
   * and the regularization's gradient folded in when there is one.
   */
  protected abstract update(
    backend: Backend,
    params: Storage,
    state: Storage[],
    grads: Storage,
    length: number,
    regularization?: Regularization,
  ): void;

  attach(backend: Backend, arena: ParameterArena, regularization?: Regularization): void {
    this.slots.attach(backend, arena);
    this.arena = arena;
    this.regularization = regularization;
  }

  step(backend: Backend, parameters: Tensor[]): void {
    const arena = this.arena;
    this.iterations++;
    const r = this.regularization;
    if (arena?.gradientsInPlace(parameters)) {
      const state = this.slots.ofArena(backend, arena);
      this.update(backend, arena.params, state, arena.grads, arena.length, r);
      return;
    }
    for (const p of parameters) {
      // The parameter's own span of the regularization's coefficients.
      const own = r && arena?.has(p) ? { l1: arena.slot(r.l1, p), l2: arena.slot(r.l2, p) } : undefined;
      if (p.grad) this.update(backend, p.storage, this.slots.of(backend, p), p.grad.storage, p.size, own);
    }
  }

  /** The state arrays (slotNames); undefined before the first step, and for an optimizer that keeps none. */
  state(parameter: Tensor): Storage[] | undefined {
    return this.slots.count === 0 ? undefined : this.slots.peek(parameter);
  }

  setState(backend: Backend, parameter: Tensor, arrays: Float32Array[]): void {
    this.slots.set(backend, parameter, arrays);
  }

  dispose(backend: Backend): void {
    this.slots.dispose(backend);
    this.arena = null;
    this.regularization = undefined;
  }
}
