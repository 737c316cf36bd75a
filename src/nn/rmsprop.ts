import type { Backend, RmspropHyper, Storage } from '../backend/backend';
import type { Tensor } from '../engine/tensor';
import type { ParameterArena } from './parameterArena';

/** Keras's RMSprop (no momentum, not centered); the update itself is shaders/rmsprop.wgsl. */
export class RMSprop implements RmspropHyper {
  /** Read at every step: the learning-rate finder and a rate changed mid-run set it between steps. */
  learningRate: number;
  readonly rho: number;
  readonly epsilon: number;
  private readonly meanSquares = new Map<Tensor, Storage>();
  private arena: ParameterArena | null = null;
  /** The mean squares of every parameter in the arena, laid out like it. */
  private arenaMeanSquares: Storage | null = null;

  constructor({ learningRate = 0.001, rho = 0.9, epsilon = 1e-7 }: Partial<RmspropHyper> = {}) {
    if (!(learningRate > 0) || !Number.isFinite(learningRate))
      throw new Error(`RMSprop: learning rate must be a positive number, got ${learningRate}`);
    this.learningRate = learningRate;
    this.rho = rho;
    this.epsilon = epsilon;
  }

  /** Keeps the state of the arena's parameters in one storage of its layout (Sequential.compile). */
  attach(backend: Backend, arena: ParameterArena): void {
    this.dispose(backend);
    this.arena = arena;
  }

  /**
   * The update, from the gradients the tape left in .grad: one dispatch over the whole arena when
   * every gradient is in its slot there, else one per parameter.
   */
  step(backend: Backend, parameters: Tensor[]): void {
    const arena = this.arena;
    if (arena?.gradientsInPlace(parameters)) {
      backend.rmsprop(arena.params, this.arenaState(backend, arena), arena.grads, arena.length, this);
      return;
    }
    for (const p of parameters) {
      if (p.grad) backend.rmsprop(p.storage, this.meanSquareOf(backend, p), p.grad.storage, p.size, this);
    }
  }

  private arenaState(backend: Backend, arena: ParameterArena): Storage {
    if (!this.arenaMeanSquares) {
      // Zero, like Keras's velocities (and the arena's padding stays zero).
      this.arenaMeanSquares = backend.alloc(arena.length);
      backend.fill(this.arenaMeanSquares, 0, arena.length);
    }
    return this.arenaMeanSquares;
  }

  private meanSquareOf(backend: Backend, p: Tensor): Storage {
    if (this.arena?.has(p)) return this.arena.slot(this.arenaState(backend, this.arena), p);
    let meanSquare = this.meanSquares.get(p);
    if (!meanSquare) {
      meanSquare = backend.alloc(p.size);
      backend.fill(meanSquare, 0, p.size);
      this.meanSquares.set(p, meanSquare);
    }
    return meanSquare;
  }

  /** The optimizer state, for checkpoints: one mean-square array per parameter. */
  state(parameter: Tensor): Storage | undefined {
    if (this.arena?.has(parameter))
      return this.arenaMeanSquares ? this.arena.slot(this.arenaMeanSquares, parameter) : undefined;
    return this.meanSquares.get(parameter);
  }

  /** Puts back a state read from state() (resuming from a checkpoint, maybe on another device). */
  setState(backend: Backend, parameter: Tensor, meanSquare: Float32Array): void {
    if (meanSquare.length !== parameter.size)
      throw new Error(`RMSprop: ${meanSquare.length} mean squares for a parameter of ${parameter.size}`);
    backend.write(this.meanSquareOf(backend, parameter), meanSquare);
  }

  dispose(backend: Backend): void {
    for (const storage of this.meanSquares.values()) backend.free(storage);
    this.meanSquares.clear();
    if (this.arenaMeanSquares) backend.free(this.arenaMeanSquares);
    this.arenaMeanSquares = null;
    this.arena = null;
  }
}

export const rmsprop = (config: Partial<RmspropHyper> = {}) => new RMSprop(config);
