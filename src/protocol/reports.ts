// What the model library reports and both sides speak of: an epoch's and a batch's metrics, an
// evaluation, the learning-rate finder's points, and what one inspected training step did.
// src/nn/ produces them; the worker sends them (protocol.ts); the page shows them.

export interface EpochLogs {
  epoch: number;
  loss: number;
  accuracy: number;
  valLoss?: number;
  valAccuracy?: number;
  seconds: number;
}

/** Where early stopping (Keras's EarlyStopping, restore_best_weights) stopped a run, and which epoch it went back to. */
export interface EarlyStop {
  /** The epoch with the lowest held-out loss, whose weights the model ends with (from 1). */
  bestEpoch: number;
  /** The epoch after which training stopped. */
  stoppedEpoch: number;
}

export interface Evaluation {
  loss: number;
  accuracy: number;
}

export interface BatchLogs {
  epoch: number;
  /** Batches done in this epoch. */
  batch: number;
  batches: number;
  /** Mean loss and accuracy over the batches since the previous report. */
  loss: number;
  accuracy: number;
  /** Running means over the epoch so far. */
  epochLoss: number;
  epochAccuracy: number;
}

/** One point of the learning-rate finder's sweep (src/nn/rateFinder.ts). */
export interface RatePoint {
  learningRate: number;
  loss: number;
  /** The loss smoothed as fastai does (exponential moving average, bias-corrected). */
  smoothed: number;
}

export interface RateSweep {
  minRate: number;
  maxRate: number;
  /** Batches at most; the sweep stops earlier once the loss blows up. */
  steps: number;
}

/** fastai's defaults: 1e-7 to 10 over 100 batches. Our form's lowest rate is 1e-6. */
export const DEFAULT_SWEEP: RateSweep = { minRate: 1e-6, maxRate: 10, steps: 100 };

export interface UnitChange {
  /** 0-based, as in the kernel's last dimension. */
  unit: number;
  /** The L2 norm of the change of the unit's incoming weights (its kernel column). */
  change: number;
}

/** The layer whose units a step's changes are ranked in. */
export interface UnitLayer {
  /** 'Dense' or 'Conv2D'. */
  kind: string;
  /** Its place in the model (0: the first layer). */
  index: number;
  /** Its units (a Conv2D's filters): the kernel's last dimension. */
  units: number;
}

export interface StepInspection {
  /** Batches of the run trained before this one: the step is the run's (step + 1)th batch. */
  step: number;
  rows: number;
  /** The batch's mean loss with the weights before the step, and with the weights after it. */
  lossBefore: number;
  lossAfter: number;
  layer: UnitLayer;
  /** The largest changes, largest first (at most CHANGED_UNITS of src/nn/stepInspection.ts). */
  changed: UnitChange[];
  /** The mean change over all the layer's units: what "large" is measured against. */
  meanChange: number;
}
