import type { Backend, Regularization, SgdHyper, Storage } from '../backend/backend';
import { OptimizerBase } from './optimizerBase';

/**
 * Keras's SGD: plain gradient descent, or with momentum (optionally Nesterov's); the update itself
 * is shaders/sgd.wgsl. Momentum 0 keeps no velocity, as Keras.
 */
export class SGD extends OptimizerBase implements SgdHyper {
  readonly kind = 'sgd';
  readonly momentum: number;
  readonly nesterov: boolean;

  constructor({ learningRate = 0.01, momentum = 0, nesterov = false }: Partial<SgdHyper> = {}) {
    if (!(momentum >= 0 && momentum < 1)) throw new Error(`SGD: momentum must be in [0, 1), got ${momentum}`);
    super('SGD', learningRate, momentum === 0 ? [] : ['velocity']);
    this.momentum = momentum;
    this.nesterov = nesterov;
  }

  protected update(
    backend: Backend,
    params: Storage,
    state: Storage[],
    grads: Storage,
    length: number,
    regularization?: Regularization,
  ) {
    // Momentum 0: no velocity (state is []).
    backend.sgd(params, state[0] ?? null, grads, length, this, regularization);
  }
}

export const sgd = (config: Partial<SgdHyper> = {}) => new SGD(config);
