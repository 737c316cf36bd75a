// A run's test result as the page shows and saves it. Without validation images, each epoch's
// figures are the test set's and the last one is the result; with them, the epochs hold the
// validation set's figures and the test set is measured once, at the end (testAtEnd), so that no
// choice made while watching the curves was tuned on it.
import type { Evaluation } from '../protocol/reports';
import type { Settings } from '../protocol/settings';
import type { RunHistory } from './store/runHistory';

/** The figures each epoch's point holds: the validation set's, or the test set's. */
export function heldOutName(settings: Pick<Settings, 'validation'> | null): 'validation' | 'test' {
  return (settings?.validation ?? 0) > 0 ? 'validation' : 'test';
}

/** The run's test result: measured at the end, else (no validation) its last epoch's; null before either. */
export function testResultOf(
  history: Pick<RunHistory, 'epochs' | 'testAtEnd'>,
  settings: Pick<Settings, 'validation'>,
): Evaluation | null {
  if (history.testAtEnd) return history.testAtEnd;
  const last = history.epochs.at(-1);
  if (!last || heldOutName(settings) === 'validation') return null;
  return { loss: last.testLoss, accuracy: last.testAccuracy };
}

export function testAccuracyOf(
  history: Pick<RunHistory, 'epochs' | 'testAtEnd'>,
  settings: Pick<Settings, 'validation'>,
): number | null {
  return testResultOf(history, settings)?.accuracy ?? null;
}
