// Keras's EarlyStopping callback (monitor a loss, mode 'min', min_delta 0): training stops once the
// monitored loss has not improved for `patience` epochs in a row, and, with restore_best_weights,
// the model goes back to the weights of the epoch with the lowest loss. Pure: the caller keeps the
// weights and acts on what update() says.
import type { EarlyStoppingProgress } from '../protocol/models';

export type EarlyStoppingStep = 'improved' | 'waiting' | 'stop';

export class EarlyStopping {
  /** The lowest monitored loss so far, and its epoch (counted from 1; 0 before any). */
  best = Number.POSITIVE_INFINITY;
  bestEpoch = 0;
  /** Epochs since the last improvement. */
  wait = 0;
  /** The epoch after which training stopped; null while it goes on. */
  stoppedEpoch: number | null = null;

  /** `from`: the progress a checkpoint kept, so that a resumed run counts on as the whole run would. */
  constructor(
    readonly patience: number,
    from?: EarlyStoppingProgress,
  ) {
    if (!Number.isInteger(patience) || patience < 1)
      throw new Error(
        `EarlyStopping: patience must be a whole number of epochs, at least 1, got ${patience}`,
      );
    if (from) ({ best: this.best, bestEpoch: this.bestEpoch, wait: this.wait } = from);
  }

  /** What the rule has seen so far, to keep with a checkpoint. */
  get progress(): EarlyStoppingProgress {
    return { best: this.best, bestEpoch: this.bestEpoch, wait: this.wait };
  }

  /**
   * The monitored loss after `epoch` (from 1). Strictly lower is an improvement, as in Keras; a
   * loss that is not a number never is.
   */
  update(epoch: number, loss: number): EarlyStoppingStep {
    if (loss < this.best) {
      this.best = loss;
      this.bestEpoch = epoch;
      this.wait = 0;
      return 'improved';
    }
    this.wait++;
    if (this.wait < this.patience) return 'waiting';
    this.stoppedEpoch = epoch;
    return 'stop';
  }
}
