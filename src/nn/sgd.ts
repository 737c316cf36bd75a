import type { Backend, SgdHyper, Storage } from '../backend/backend';
import type { Tensor } from '../engine/tensor';
import { checkLearningRate, type Optimizer } from './optimizer';
import { OptimizerSlots } from './optimizerSlots';
import type { ParameterArena } from './parameterArena';

/**
 * Keras's SGD: plain gradient descent, or with momentum (optionally Nesterov's); the update itself
 * is shaders/sgd.wgsl. Momentum 0 keeps no velocity, as Keras.
 */
export class SGD implements Optimizer, SgdHyper {
  readonly kind = 'sgd';
  readonly slotNames: readonly string[];
  learningRate: number;
  iterations = 0;
  readonly momentum: number;
  readonly nesterov: boolean;
  private readonly slots: OptimizerSlots;
  private arena: ParameterArena | null = null;

  constructor({ learningRate = 0.01, momentum = 0, nesterov = false }: Partial<SgdHyper> = {}) {
    checkLearningRate('SGD', learningRate);
    if (!(momentum >= 0 && momentum < 1)) throw new Error(`SGD: momentum must be in [0, 1), got ${momentum}`);
    this.learningRate = learningRate;
    this.momentum = momentum;
    this.nesterov = nesterov;
    this.slotNames = momentum === 0 ? [] : ['velocity'];
    this.slots = new OptimizerSlots('SGD', this.slotNames.length);
  }

  attach(backend: Backend, arena: ParameterArena): void {
    this.slots.attach(backend, arena);
    this.arena = arena;
  }

  /** One dispatch over the whole arena when every gradient is in its slot there, else one per parameter. */
  step(backend: Backend, parameters: Tensor[]): void {
    const arena = this.arena;
    this.iterations++;
    if (arena?.gradientsInPlace(parameters)) {
      const [velocity = null] = this.slots.ofArena(backend, arena);
      backend.sgd(arena.params, velocity, arena.grads, arena.length, this);
      return;
    }
    for (const p of parameters) {
      const [velocity = null] = this.slots.of(backend, p);
      if (p.grad) backend.sgd(p.storage, velocity, p.grad.storage, p.size, this);
    }
  }

  /** The velocity, or undefined (before the first step, and always with momentum 0). */
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

export const sgd = (config: Partial<SgdHyper> = {}) => new SGD(config);
