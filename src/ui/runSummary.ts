// The few plain sentences shown after a run, built from the run's own figures: how far the loss
// fell, how much of the test set it reads right, and its most frequent mistake.
import { formatCount, formatLoss, formatPercent } from './format';

export interface RunFigures {
  /** The training loss points, first to last ({ step, loss }: batches seen, mean loss). */
  curve: { step: number; loss: number }[];
  /** The test set after the run, if it was evaluated. */
  test: { accuracy: number } | null;
  /** The test set's confusion matrix, rows true, columns predicted. */
  confusion: { classes: number; matrix: ArrayLike<number> } | null;
  stopped: boolean;
}

/** The most frequent off-diagonal cell: a true `label` read as `predicted`, `count` times. */
export function commonestMistake(
  matrix: ArrayLike<number>,
  classes: number,
): { label: number; predicted: number; count: number } | null {
  let best: { label: number; predicted: number; count: number } | null = null;
  for (let label = 0; label < classes; label++)
    for (let predicted = 0; predicted < classes; predicted++) {
      const count = matrix[label * classes + predicted];
      if (label !== predicted && count > 0 && (!best || count > best.count))
        best = { label, predicted, count };
    }
  return best;
}

/**
 * "The loss fell from 2.30 to 0.04 over 2,345 steps; it reads 98.1% of test images right; it most
 * often mistakes 4 for 9, 23 times." Null before there is a curve.
 */
export function runSummary({ curve, test, confusion, stopped }: RunFigures): string | null {
  const first = curve[0];
  const last = curve.at(-1);
  if (!first || !last || !Number.isFinite(first.loss) || !Number.isFinite(last.loss)) return null;
  const steps = `${formatCount(last.step)} ${last.step === 1 ? 'step' : 'steps'}`;
  const start = stopped ? 'Stopped early: the' : 'The';
  // One point (a short run) or no change: there is no "from ... to" to tell.
  const parts = [
    curve.length === 1 || last.loss === first.loss
      ? `${start} loss was ${formatLoss(last.loss)} after ${steps}`
      : `${start} loss ${last.loss < first.loss ? 'fell' : 'rose'} from ${formatLoss(first.loss)} to ${formatLoss(last.loss)} over ${steps}`,
  ];
  if (test) parts.push(`it reads ${formatPercent(test.accuracy, 1)} of test images right`);
  const mistake = confusion ? commonestMistake(confusion.matrix, confusion.classes) : null;
  if (mistake)
    parts.push(
      `it most often mistakes ${mistake.label} for ${mistake.predicted}, ${formatCount(mistake.count)} ${mistake.count === 1 ? 'time' : 'times'}`,
    );
  return `${parts.join('; ')}.`;
}
