import type { Backend, RmspropHyper, Storage } from '../backend/backend';
import type { Tensor } from '../engine/tensor';
import { checkLearningRate, type Optimizer } from './optimizer';
import { OptimizerSlots } from './optimizerSlots';
import type { ParameterArena } from './parameterArena';

/** Keras's RMSprop (no momentum, not centered); the update itself is shaders/rmsprop.wgsl. */
export class RMSprop implements Optimizer, RmspropHyper {
  readonly kind = 'rmsprop';
  readonly slotNames = ['meanSquare'];
  learningRate: number;
  iterations = 0;
  readonly rho: number;
  readonly epsilon: number;
  private readonly slots = new OptimizerSlots('RMSprop', 1);
  private arena: ParameterArena | null = null;

  constructor({ learningRate = 0.001, rho = 0.9, epsilon = 1e-7 }: Partial<RmspropHyper> = {}) {
    checkLearningRate('RMSprop', learningRate);
    this.learningRate = learningRate;
    this.rho = rho;
    this.epsilon = epsilon;
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
      const [meanSquare] = this.slots.ofArena(backend, arena);
      backend.rmsprop(arena.params, meanSquare, arena.grads, arena.length, this);
      return;
    }
    for (const p of parameters) {
      if (p.grad) backend.rmsprop(p.storage, this.slots.of(backend, p)[0], p.grad.storage, p.size, this);
    }
  }

  state(parameter: Tensor): Storage[] | undefined {
    return this.slots.peek(parameter);
  }

  setState(backend: Backend, parameter: Tensor, arrays: Float32Array[]): void {
    this.slots.set(backend, parameter, arrays);
  }

  dispose(backend: Backend): void {
    this.slots.dispose(backend);
    this.arena = null;
  }
}

export const rmsprop = (config: Partial<RmspropHyper> = {}) => new RMSprop(config);
