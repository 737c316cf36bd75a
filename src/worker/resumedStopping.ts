// Early stopping across a resume (a lost device, a saved run resumed after a reload): the count
// goes on from the checkpoint the run resumes from, and the best epoch's weights are found again, so
// that the run stops and goes back where the whole run would have.
import type { Checkpoint, EarlyStoppingProgress } from '../protocol/models';

export interface ResumedStopping {
  progress: EarlyStoppingProgress;
  /** The best epoch's checkpoint to go back to; null when its weights are nowhere to be had. */
  best: Checkpoint | null;
}

/**
 * What early stopping goes on from when a run resumes from `from`: null when the checkpoint has no
 * count (no early stopping, or a run saved before it was kept). The best epoch's weights: the
 * checkpoint's own when it is the best, the one kept before a device loss (`kept`), or those a saved
 * run sent with it.
 */
export function resumedStopping(from: Checkpoint | null, kept: Checkpoint | null): ResumedStopping | null {
  if (!from?.earlyStopping) return null;
  const { bestWeights, ...progress } = from.earlyStopping;
  let best: Checkpoint | null = null;
  if (progress.bestEpoch === from.epoch) best = from;
  else if (kept?.epoch === progress.bestEpoch && kept.settings === from.settings) best = kept;
  else if (bestWeights)
    best = { ...from, epoch: progress.bestEpoch, weights: bestWeights, earlyStopping: progress };
  return { progress, best };
}
