import type { Backend, Storage } from '../backend/backend';
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

  /** Records the update of `length` parameters from their gradients, with their state (slotNames). */
  protected abstract update(
    backend: Backend,
    params: Storage,
    state: Storage[],
    grads: Storage,
    length: number,
  ): void;

  attach(backend: Backend, arena: ParameterArena): void {
    this.slots.attach(backend, arena);
    this.arena = arena;
  }

  step(backend: Backend, parameters: Tensor[]): void {
    const arena = this.arena;
    this.iterations++;
    if (arena?.gradientsInPlace(parameters)) {
      this.update(backend, arena.params, this.slots.ofArena(backend, arena), arena.grads, arena.length);
      return;
    }
    for (const p of parameters) {
      if (p.grad) this.update(backend, p.storage, this.slots.of(backend, p), p.grad.storage, p.size);
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
  }
}
