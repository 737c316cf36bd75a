import type { Settings } from '../protocol/settings';
import { formatPercent } from './format';

/**
 * The book's test accuracy for each network, as its text gives it (Chollet, Deep Learning with Python):
 * "97.8%" for the dense network, "99.1%" for the ConvNet.
 */
export const BOOK_TEST_ACCURACY: Record<Settings['model'], number> = { dense: 0.978, convnet: 0.991 };

/** Points between two accuracies, as the summary says them: "0.8". */
function points(difference: number): string {
  return (Math.abs(difference) * 100).toFixed(1);
}

/**
 * One sentence on what the gap between the last epoch's training accuracy (a mean over the epoch,
 * while the network still learned) and the test accuracy (measured at the end on unseen images) means.
 */
export function describeGap(trainAccuracy: number, testAccuracy: number): string {
  const gap = trainAccuracy - testAccuracy;
  if (gap > 0.01)
    return `Training is ${points(gap)} points above test: the network does better on images it learned from than on new ones; trust the test figure.`;
  if (gap < -0.005)
    return `Test is ${points(gap)} points above training: training is a mean over an epoch of a network still learning, test is measured at its end.`;
  return 'Training and test are close: what the network learned carries over to images it never saw.';
}

/** "training 98.9%, test 98.1% (the book: 97.8%)" as its parts. */
export function resultFigures(trainAccuracy: number | null, testAccuracy: number, model: Settings['model']) {
  return {
    train: trainAccuracy === null ? null : formatPercent(trainAccuracy),
    test: formatPercent(testAccuracy),
    book: formatPercent(BOOK_TEST_ACCURACY[model]),
  };
}
