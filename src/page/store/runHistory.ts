// A run's charts as data: the points of its training curve and of its epochs, as the store shows
// them and a saved run keeps them.
import type { RateChange } from '../../protocol/protocol';
import type { EarlyStop, Evaluation } from '../../protocol/reports';

export interface CurvePoint {
  /** Batches seen since the run began (across epochs), at the end of this point. */
  step: number;
  /** Means over the batches this point covers. */
  loss: number;
  accuracy: number;
  batches: number;
  /** Metrics reports merged into this point (see MAX_CURVE_POINTS). */
  reports: number;
}

export interface EpochPoint {
  epoch: number;
  trainLoss: number;
  trainAccuracy: number;
  testLoss: number;
  testAccuracy: number;
}

/** A run's charts, as a saved run keeps them. */
export interface RunHistory {
  curve: CurvePoint[];
  curveStride: number;
  epochs: EpochPoint[];
  /** Learning-rate changes made during the run (absent in runs saved before they existed). */
  rateChanges?: RateChange[];
  /**
   * The test set's figures, measured once at the end of a run with validation images (whose
   * figures `epochs` then hold), or on the weights early stopping went back to; absent otherwise.
   */
  testAtEnd?: Evaluation | null;
  /** Where early stopping stopped the run and which epoch it kept; absent when it did not. */
  earlyStop?: EarlyStop | null;
  /**
   * Batches in an epoch as the run counted them: more than its settings say when the user's digits
   * are mixed into every batch (src/nn/mixedOrder.ts). Absent in runs saved before it was kept.
   */
  batchesPerEpoch?: number;
}
