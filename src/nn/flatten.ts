import { reshape } from '../engine/ops';
import type { Tape } from '../engine/tape';
import type { Tensor } from '../engine/tensor';
import type { Layer } from './layer';

/**
 * Keras's Flatten: [batch, ...] -> [batch, product], a view of the same storage. NHWC order is
 * Keras's channels_last order, so a following Dense's weights line up with a Keras export.
 */
export class Flatten implements Layer {
  readonly kind = 'Flatten';
  /** Declared when this is the first layer, as Keras's inputShape. */
  readonly inputShape: readonly number[] | null;
  readonly parameters = [];
  readonly parameterCount = 0;

  constructor(config: { inputShape?: readonly number[] } = {}) {
    this.inputShape = config.inputShape ?? null;
  }

  build(_backend: unknown, inputShape: readonly number[]): number[] {
    return [inputShape.reduce((a, b) => a * b, 1)];
  }

  forward(tape: Tape, x: Tensor): Tensor {
    return reshape(tape, x, [x.shape[0], x.size / x.shape[0]]);
  }

  dispose(): void {}
}
