import type { CurvePoint, EpochPoint } from '../page/store';
import { formatLoss, formatPercent } from './format';

/** Three decimals below 10 ("0.412"): the live loss moves in the third. */
const formatLiveLoss = (loss: number) => (Math.abs(loss) < 10 ? loss.toFixed(3) : formatLoss(loss));

export interface LiveNumbers {
  /** The latest training loss and accuracy: the means over the batches since the last report. */
  loss: string;
  accuracy: string;
  /** The latest test accuracy and after which epoch, once an epoch has been evaluated. */
  test: { accuracy: string; epoch: number } | null;
}

/** The running numbers beside the progress line, or null before the first metrics report. */
export function liveNumbers(curve: readonly CurvePoint[], epochs: readonly EpochPoint[]): LiveNumbers | null {
  const last = curve.at(-1);
  if (!last) return null;
  const tested = epochs.at(-1);
  return {
    loss: formatLiveLoss(last.loss),
    accuracy: formatPercent(last.accuracy),
    test: tested ? { accuracy: formatPercent(tested.testAccuracy), epoch: tested.epoch } : null,
  };
}
