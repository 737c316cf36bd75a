// What a run measures after each epoch, and what it does about it: the validation images held out
// of training (Keras's validation_split; the test set then waits for the end), and early stopping
// on the held-out loss with the best epoch's weights kept to go back to (Keras's EarlyStopping with
// restore_best_weights). The test set is measured by the run itself (run.ts).
import { type Mnist, PIXELS } from '../data/mnist';
import { splitTraining } from '../data/validationSplit';
import { DeviceDataset } from '../nn/dataset';
import { EarlyStopping } from '../nn/earlyStopping';
import type { Sequential } from '../nn/sequential';
import type { Checkpoint } from '../protocol/protocol';
import type { EarlyStop } from '../protocol/reports';
import type { Settings } from '../protocol/settings';
import { restoreCheckpoint } from './checkpoint';
import { EVAL_BATCH } from './model';
import { resumedStopping } from './resumedStopping';
import type { GpuSession } from './session';

/** The checkpoint a recovered or resumed stretch goes on from; null for a run from its start. */
export type ResumedFrom = Checkpoint | null;

export class HeldOut {
  /** The validation images on the device; null without validation (the test set is measured instead). */
  readonly validation: DeviceDataset | null;
  /** Images trained on: the first `train`, short of the held-out ones. */
  readonly trainCount: number;
  private readonly stopping: EarlyStopping | null;
  /** The best epoch's checkpoint, to go back to (a resumed run's is found again: resumedStopping.ts). */
  best: Checkpoint | null = null;

  /** `previous`: the run's held-out images before a device loss, with the best checkpoint it kept. */
  constructor(
    session: GpuSession,
    mnist: Mnist,
    settings: Settings,
    from: ResumedFrom = null,
    previous: HeldOut | null = null,
  ) {
    const split = splitTraining(mnist.train.count, settings.train, settings.validation ?? 0);
    this.trainCount = split.trainCount;
    const { validationStart: start, validationCount: count } = split;
    this.validation =
      count > 0
        ? DeviceDataset.upload(
            session.backend,
            mnist.train.pixels.subarray(start * PIXELS, (start + count) * PIXELS),
            mnist.train.labels.subarray(start, start + count),
            PIXELS,
          )
        : null;
    const patience = settings.patience ?? 0;
    // A resumed run's count goes on from its checkpoint (resumedStopping.ts).
    const resumed = resumedStopping(from, previous?.best ?? null);
    this.stopping = patience > 0 ? new EarlyStopping(patience, resumed?.progress) : null;
    if (this.stopping) this.best = resumed?.best ?? null;
  }

  /** The validation set's loss and accuracy now; `onProgress` is told the images done as it goes. */
  measure(model: Sequential, onProgress?: (done: number) => void): ReturnType<Sequential['evaluate']> {
    return model.evaluate(this.validation as DeviceDataset, { batchSize: EVAL_BATCH, onProgress });
  }

  /**
   * After epoch `epoch` (from 1), its held-out loss and its checkpoint (null when none was kept): true
   * when early stopping says stop. The best epoch's checkpoint is kept to go back to; the checkpoint
   * keeps the count, for a run resumed from it.
   */
  afterEpoch(epoch: number, loss: number, checkpoint: Checkpoint | null): boolean {
    if (!this.stopping) return false;
    const step = this.stopping.update(epoch, loss);
    if (checkpoint) checkpoint.earlyStopping = this.stopping.progress;
    if (step === 'improved') this.best = checkpoint;
    return step === 'stop';
  }

  /** Where early stopping stopped and which epoch it kept; null while it has not. */
  get earlyStop(): EarlyStop | null {
    const { stopping } = this;
    if (!stopping || stopping.stoppedEpoch === null) return null;
    return { bestEpoch: stopping.bestEpoch, stoppedEpoch: stopping.stoppedEpoch };
  }

  /** The model goes back to the best epoch's weights; that checkpoint, or null if there is none. */
  restoreBest(session: GpuSession, model: Sequential): Checkpoint | null {
    if (!this.best) return null;
    restoreCheckpoint(session.backend, model, this.best);
    return this.best;
  }

  dispose(): void {
    this.validation?.dispose();
  }
}
