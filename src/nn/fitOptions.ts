// What fit() takes and reports: Keras's options and logs, plus a hold between batches (pause and
// the step mode: one batch at a time, looked at before and after by a probe).
import type { AugmentRanges } from '../backend/augmentation';
import type { Storage } from '../backend/backend';
import type { BatchLogs, EpochLogs } from '../protocol/reports';
import type { DeviceDataset } from './dataset';
import type { Mix } from './mixedOrder';

export type { EpochLogs, Evaluation } from '../protocol/reports';

/** The batch fit() is about to train, handed to a probe that looks at the step (src/worker/stepInspector.ts). */
export interface ProbedBatch {
  /** Batches of the run trained before this one (the step's number, from 0). */
  step: number;
  rows: number;
  /**
   * Records this batch's forward pass with the weights as they are when recorded (the same images,
   * augmented the same way), adding its loss and accuracy into `metrics` (METRICS_LENGTH words).
   */
  recordLoss(metrics: Storage): void;
  /** Records the training step on this batch; the probe must call it exactly once. */
  train(): void;
}

export type BatchProbe = (batch: ProbedBatch) => void;

/**
 * A hold before a batch: fit asks `requested(step)` before each one (`step`: the run's batches trained
 * so far, across epochs); when it says yes, fit first reports every batch trained so far (so the page
 * shows exactly where the weights are), then waits for `wait()`. Null goes on training; a probe trains exactly one batch through it, reports that batch,
 * and fit asks again (still held, unless released meanwhile).
 */
export interface FitHold {
  requested: (step: number) => boolean;
  wait: () => Promise<BatchProbe | null>;
}

export interface FitOptions {
  epochs?: number;
  batchSize?: number;
  shuffle?: boolean;
  /** The epoch to start from (resuming): its data order is the one a fresh run would use. */
  initialEpoch?: number;
  validationData?: DeviceDataset;
  /**
   * Train on randomly shifted, rotated and scaled images (true: ±2 px, ±10°, ±10%), drawn on the
   * device from the seed and the step, so a resumed run sees the same images.
   */
  augment?: boolean | AugmentRanges;
  /**
   * The dataset's last `mix.count` images are mixed into every batch, `mix.perBatch` rows of it
   * (the user's digits into MNIST's: mixedOrder.ts); an epoch goes once through the images before them.
   */
  mix?: Mix;
  /** Metrics are read back every this many batches (never every step: a readback waits for the GPU). */
  logEvery?: number;
  /** Called with each metrics report; fit waits for a returned promise. */
  onBatchEnd?: (logs: BatchLogs) => void | Promise<void>;
  onEpochEnd?: (logs: EpochLogs) => void | Promise<void>;
  /** Pause and step (see FitHold). */
  hold?: FitHold;
}
