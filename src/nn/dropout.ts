import type { Backend } from '../backend/backend';
import { dropout } from '../engine/dropoutOp';
import type { Tape } from '../engine/tape';
import type { Tensor } from '../engine/tensor';
import type { Layer } from './layer';

/**
 * Keras's Dropout(rate): in training, each unit is zeroed with probability `rate` and the kept ones
 * are scaled by 1/(1 − rate); at inference, the identity. Its mask comes from the run's seed, the
 * step and `salt` (its place in the stack), so a run repeats and resumes exactly.
 */
export class Dropout implements Layer {
  readonly kind = 'Dropout';
  readonly inputShape: readonly number[] | null;
  readonly parameters = [];
  readonly parameterCount = 0;

  constructor(
    readonly rate: number,
    readonly salt = 0,
    config: { inputShape?: readonly number[] } = {},
  ) {
    if (!(rate >= 0 && rate < 1)) throw new Error(`Dropout: rate must be in [0, 1), got ${rate}`);
    this.inputShape = config.inputShape ?? null;
  }

  build(_backend: Backend, inputShape: readonly number[]): readonly number[] {
    return inputShape;
  }

  forward(tape: Tape, x: Tensor): Tensor {
    return dropout(tape, x, this.rate, this.salt);
  }

  dispose(): void {}
}
