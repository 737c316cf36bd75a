// A run's charts as data: the points of its training curve and of its epochs, as the store shows
// them and a saved run keeps them.
import type { RateChange } from '../../protocol/protocol';

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
}
