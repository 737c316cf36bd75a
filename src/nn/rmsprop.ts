import type { Backend, Regularization, RmspropHyper, Storage } from '../backend/backend';
import { OptimizerBase } from './optimizerBase';

/** Keras's RMSprop (no momentum, not centered); the update itself is shaders/rmsprop.wgsl. */
export class RMSprop extends OptimizerBase implements RmspropHyper {
  readonly kind = 'rmsprop';
  readonly rho: number;
  readonly epsilon: number;

  constructor({ learningRate = 0.001, rho = 0.9, epsilon = 1e-7 }: Partial<RmspropHyper> = {}) {
    super('RMSprop', learningRate, ['meanSquare']);
    this.rho = rho;
    this.epsilon = epsilon;
  }

  protected update(
    backend: Backend,
    params: Storage,
    [meanSquare]: Storage[],
    grads: Storage,
    length: number,
    regularization?: Regularization,
  ) {
    backend.rmsprop(params, meanSquare, grads, length, this, regularization);
  }
}

export const rmsprop = (config: Partial<RmspropHyper> = {}) => new RMSprop(config);
