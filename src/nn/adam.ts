import { type AdamStepHyper, adamStepSize, type Backend, type Storage } from '../backend/backend';
import type { Tensor } from '../engine/tensor';
import { checkLearningRate, type Optimizer } from './optimizer';
import { OptimizerSlots } from './optimizerSlots';
import type { ParameterArena } from './parameterArena';

export interface AdamConfig {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
}

/**
 * Keras's Adam (amsgrad off); the update itself is shaders/adam.wgsl. The bias correction is
 * folded into the step size here, on the CPU, from the step count (Keras's `iterations`), which a
 * checkpoint keeps with the moments so a resumed run corrects as if it had never stopped.
 */
export class Adam implements Optimizer, AdamConfig {
  readonly kind = 'adam';
  readonly slotNames = ['m', 'v'];
  learningRate: number;
  iterations = 0;
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  private readonly slots = new OptimizerSlots('Adam', 2);
  private arena: ParameterArena | null = null;

  constructor({
    learningRate = 0.001,
    beta1 = 0.9,
    beta2 = 0.999,
    epsilon = 1e-7,
  }: Partial<AdamConfig> = {}) {
    checkLearningRate('Adam', learningRate);
    for (const [name, beta] of [
      ['beta1', beta1],
      ['beta2', beta2],
    ] as const)
      if (!(beta >= 0 && beta < 1)) throw new Error(`Adam: ${name} must be in [0, 1), got ${beta}`);
    this.learningRate = learningRate;
    this.beta1 = beta1;
    this.beta2 = beta2;
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
    const hyper: AdamStepHyper = {
      stepSize: adamStepSize(this.learningRate, this.beta1, this.beta2, this.iterations),
      beta1: this.beta1,
      beta2: this.beta2,
      epsilon: this.epsilon,
    };
    if (arena?.gradientsInPlace(parameters)) {
      const [m, v] = this.slots.ofArena(backend, arena);
      backend.adam(arena.params, m, v, arena.grads, arena.length, hyper);
      return;
    }
    for (const p of parameters) {
      const [m, v] = this.slots.of(backend, p);
      if (p.grad) backend.adam(p.storage, m, v, p.grad.storage, p.size, hyper);
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

export const adam = (config: Partial<AdamConfig> = {}) => new Adam(config);
