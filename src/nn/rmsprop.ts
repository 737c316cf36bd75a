import type { Backend, RmspropHyper, Storage } from '../backend/backend';
import type { Tensor } from '../engine/tensor';

/** Keras's RMSprop (no momentum, not centered); the update itself is shaders/rmsprop.wgsl. */
export class RMSprop implements RmspropHyper {
  /** Read at every step: the learning-rate finder and a rate changed mid-run set it between steps. */
  learningRate: number;
  readonly rho: number;
  readonly epsilon: number;
  private readonly meanSquares = new Map<Tensor, Storage>();

  constructor({ learningRate = 0.001, rho = 0.9, epsilon = 1e-7 }: Partial<RmspropHyper> = {}) {
    if (!(learningRate > 0) || !Number.isFinite(learningRate))
      throw new Error(`RMSprop: learning rate must be a positive number, got ${learningRate}`);
    this.learningRate = learningRate;
    this.rho = rho;
    this.epsilon = epsilon;
  }

  /** One update per parameter, from the gradients the tape left in .grad. */
  step(backend: Backend, parameters: Tensor[]): void {
    for (const p of parameters) {
      if (!p.grad) continue;
      let meanSquare = this.meanSquares.get(p);
      if (!meanSquare) {
        // Created once per parameter, zero like Keras's velocities.
        meanSquare = backend.alloc(p.size);
        backend.fill(meanSquare, 0, p.size);
        this.meanSquares.set(p, meanSquare);
      }
      backend.rmsprop(p.storage, meanSquare, p.grad.storage, p.size, this);
    }
  }

  /** The optimizer state, for checkpoints: one mean-square array per parameter. */
  state(parameter: Tensor): Storage | undefined {
    return this.meanSquares.get(parameter);
  }

  /** Puts back a state read from state() (resuming from a checkpoint, maybe on another device). */
  setState(backend: Backend, parameter: Tensor, meanSquare: Float32Array): void {
    if (meanSquare.length !== parameter.size)
      throw new Error(`RMSprop: ${meanSquare.length} mean squares for a parameter of ${parameter.size}`);
    let storage = this.meanSquares.get(parameter);
    if (!storage) {
      storage = backend.alloc(parameter.size);
      this.meanSquares.set(parameter, storage);
    }
    backend.write(storage, meanSquare);
  }

  dispose(backend: Backend): void {
    for (const storage of this.meanSquares.values()) backend.free(storage);
    this.meanSquares.clear();
  }
}

export const rmsprop = (config: Partial<RmspropHyper> = {}) => new RMSprop(config);
