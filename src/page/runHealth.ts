// Signs, read off the training curve while a run goes on, that the learning rate is too high: the
// loss far above random guessing's, or accuracy stuck at chance with a loss no better than guessing.
// A run like that stays finite (the softmax is max-subtracted, RMSprop's steps are bounded), so it
// never diverges into NaN and would otherwise end as a plain "Run finished".
import type { CurvePoint } from './store';

/** Reports before the loss is judged: the first ones cover the start, while the weights settle. */
const LOSS_AFTER_REPORTS = 3;
/** Reports before accuracy is judged: a small rate moves it off chance well before this. */
const ACCURACY_AFTER_REPORTS = 10;
/** "Far above" guessing: a loss this many times guessing's (ln classes, 2.30 for ten digits). */
const LOSS_FACTOR = 3;
const LOWER_RATE = 'The learning rate is probably too high: try a smaller one (the default is 0.001).';

function formatLoss(loss: number): string {
  return loss >= 100 ? String(Math.round(loss)) : loss.toFixed(2);
}

/** A warning for the page, or null while the curve looks like learning (or is too short to judge). */
export function runWarning(curve: readonly CurvePoint[], classes = 10): string | null {
  const last = curve.at(-1);
  if (!last) return null;
  const guessing = Math.log(classes);
  // The worst point past the first reports: once a run has blown up the warning stays, even when an
  // exploding loss swings back down for a report or two (as it does at a rate of 5).
  let reports = 0;
  let worst: CurvePoint | null = null;
  for (const point of curve) {
    reports += point.reports;
    if (
      reports >= LOSS_AFTER_REPORTS &&
      point.loss > LOSS_FACTOR * guessing &&
      point.loss > (worst?.loss ?? 0)
    )
      worst = point;
  }
  if (worst)
    return (
      `The training loss rose to ${formatLoss(worst.loss)}, far above the ${guessing.toFixed(2)} of random ` +
      `guessing (it started at ${formatLoss(curve[0].loss)}). ${LOWER_RATE}`
    );
  const chance = 1 / classes;
  if (reports >= ACCURACY_AFTER_REPORTS && last.accuracy < 1.5 * chance && last.loss >= 0.98 * guessing)
    return (
      `Accuracy is stuck at chance (${(last.accuracy * 100).toFixed(0)}%) and the loss is no better ` +
      `than guessing's: the network is not learning. ${LOWER_RATE}`
    );
  return null;
}
