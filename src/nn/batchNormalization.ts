import type { Backend, Storage } from '../backend/backend';
import { BATCH_NORM_EPSILON, BATCH_NORM_MOMENTUM, statsLength, statsStride } from '../backend/batchNorm';
import { batchNorm } from '../engine/batchNormOp';
import type { Tape } from '../engine/tape';
import { Tensor } from '../engine/tensor';
import type { Layer } from './layer';

export interface BatchNormalizationConfig {
  momentum?: number;
  epsilon?: number;
  inputShape?: readonly number[];
}

/**
 * Keras's BatchNormalization() over the last axis: a Dense layer's units, or a Conv2D's channels
 * (over batch × height × width). Trainable γ (ones) and β (zeros); moving_mean (zeros) and
 * moving_variance (ones) are state, not trained: training steps update them on the device from each
 * batch's statistics, and inference (evaluation, predictions, saliency) normalises with them.
 */
export class BatchNormalization implements Layer {
  readonly kind = 'BatchNormalization';
  readonly inputShape: readonly number[] | null;
  readonly momentum: number;
  readonly epsilon: number;
  private gamma: Tensor | null = null;
  private beta: Tensor | null = null;
  /** moving_mean at word 0, moving_variance at statsStride: one storage the kernels bind. */
  private moving: Storage | null = null;
  private movingViews: Tensor[] = [];
  private channels = 0;
  private backend: Backend | null = null;

  constructor(config: BatchNormalizationConfig = {}) {
    this.momentum = config.momentum ?? BATCH_NORM_MOMENTUM;
    this.epsilon = config.epsilon ?? BATCH_NORM_EPSILON;
    if (!(this.momentum >= 0 && this.momentum <= 1))
      throw new Error(`BatchNormalization: momentum must be in [0, 1], got ${this.momentum}`);
    if (!(this.epsilon > 0)) throw new Error(`BatchNormalization: epsilon must be > 0, got ${this.epsilon}`);
    this.inputShape = config.inputShape ?? null;
  }

  build(backend: Backend, inputShape: readonly number[]): readonly number[] {
    const channels = inputShape[inputShape.length - 1];
    this.channels = channels;
    this.backend = backend;
    this.gamma = Tensor.from(backend, [channels], new Float32Array(channels).fill(1), true);
    this.beta = Tensor.from(backend, [channels], new Float32Array(channels), true);
    const moving = backend.alloc(statsLength(channels));
    const initial = new Float32Array(statsLength(channels));
    initial.fill(1, statsStride(channels));
    backend.write(moving, initial);
    this.moving = moving;
    this.movingViews = [0, statsStride(channels)].map(
      (offset) => new Tensor(backend, [channels], backend.view(moving, offset, channels)),
    );
    return inputShape;
  }

  /** γ and β, trained (the model's arena holds them). */
  get parameters(): Tensor[] {
    if (!this.gamma || !this.beta)
      throw new Error('BatchNormalization: the layer is not built yet (compile the model first)');
    return [this.gamma, this.beta];
  }

  /** moving_mean and moving_variance: saved with the weights, never trained. */
  get state(): Tensor[] {
    if (!this.moving)
      throw new Error('BatchNormalization: the layer is not built yet (compile the model first)');
    return this.movingViews;
  }

  /** The trainable ones (Keras's summary counts 4 per channel: these and the moving statistics). */
  get parameterCount(): number {
    return 2 * this.channels;
  }

  forward(tape: Tape, x: Tensor): Tensor {
    const [gamma, beta] = this.parameters;
    const { momentum, epsilon } = this;
    return batchNorm(tape, x, gamma, beta, this.moving as Storage, { momentum, epsilon });
  }

  dispose(): void {
    this.gamma?.dispose();
    this.beta?.dispose();
    if (this.moving) this.backend?.free(this.moving);
    this.gamma = this.beta = this.moving = null;
    this.movingViews = [];
  }
}
