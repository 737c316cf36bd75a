import { adamStepSize, type Backend, type Regularization, type Storage } from '../backend/backend';
import { OptimizerBase } from './optimizerBase';

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
export class Adam extends OptimizerBase implements AdamConfig {
  readonly kind = 'adam';
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;

  constructor({
    learningRate = 0.001,
    beta1 = 0.9,
    beta2 = 0.999,
    epsilon = 1e-7,
  }: Partial<AdamConfig> = {}) {
    for (const [name, beta] of [
      ['beta1', beta1],
      ['beta2', beta2],
    ] as const)
      if (!(beta >= 0 && beta < 1)) throw new Error(`Adam: ${name} must be in [0, 1), got ${beta}`);
    super('Adam', learningRate, ['m', 'v']);
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.epsilon = epsilon;
  }

  protected update(
    backend: Backend,
    params: Storage,
    [m, v]: Storage[],
    grads: Storage,
    length: number,
    regularization?: Regularization,
  ) {
    const { beta1, beta2, epsilon } = this;
    const stepSize = adamStepSize(this.learningRate, beta1, beta2, this.iterations);
    backend.adam(params, m, v, grads, length, { stepSize, beta1, beta2, epsilon }, regularization);
  }
}

export const adam = (config: Partial<AdamConfig> = {}) => new Adam(config);
