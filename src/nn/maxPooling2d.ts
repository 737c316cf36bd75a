import { maxPool2d } from '../engine/convOps';
import type { Tape } from '../engine/tape';
import type { Tensor } from '../engine/tensor';
import type { Layer } from './layer';

/** Keras's MaxPooling2D((2, 2)): stride 2, valid (an odd last row or column is dropped). */
export class MaxPooling2D implements Layer {
  readonly kind = 'MaxPooling2D';
  /** Declared when this is the first layer, as Keras's inputShape. */
  readonly inputShape: readonly number[] | null;
  readonly parameters = [];
  readonly parameterCount = 0;

  constructor(config: { inputShape?: readonly number[] } = {}) {
    this.inputShape = config.inputShape ?? null;
  }

  build(_backend: unknown, inputShape: readonly number[]): number[] {
    const [height, width, channels] = inputShape;
    if (inputShape.length !== 3)
      throw new Error(`MaxPooling2D: expects [height, width, channels], got [${inputShape}]`);
    if (height < 2 || width < 2)
      throw new Error(`MaxPooling2D: a ${height}x${width} input has no 2x2 window`);
    return [Math.floor(height / 2), Math.floor(width / 2), channels];
  }

  forward(tape: Tape, x: Tensor): Tensor {
    return maxPool2d(tape, x);
  }

  dispose(): void {}
}
