// How much a run overfits, from its epochs: its held-out loss at its best epoch and at its last one,
// and the gap between the held-out loss and the training loss at the end (the training loss keeps
// falling while the held-out loss turns back up: the gap is what regularization narrows).
import type { Settings } from '../protocol/settings';
import { heldOutName } from './heldOutResult';
import type { EpochPoint } from './store/runHistory';

export interface EpochFigures {
  epoch: number;
  loss: number;
  accuracy: number;
}

export interface HeldOutSummary {
  /** What the epochs measured: validation images held out of training, or the test set. */
  heldOut: 'validation' | 'test';
  /** The epoch with the lowest held-out loss (the first of equals, as Keras keeps it). */
  best: EpochFigures;
  last: EpochFigures;
  /** The last epoch's held-out loss minus its training loss. */
  gap: number;
}

const heldOutOf = (e: EpochPoint): EpochFigures => ({
  epoch: e.epoch,
  loss: e.testLoss,
  accuracy: e.testAccuracy,
});

/** Null before the run's first epoch ends. */
export function heldOutSummary(
  epochs: EpochPoint[],
  settings: Pick<Settings, 'validation'>,
): HeldOutSummary | null {
  const last = epochs.at(-1);
  if (!last) return null;
  const best = epochs.reduce((a, b) => (b.testLoss < a.testLoss ? b : a));
  return {
    heldOut: heldOutName(settings),
    best: heldOutOf(best),
    last: heldOutOf(last),
    gap: last.testLoss - last.trainLoss,
  };
}
