// A saved run's early-stopping count, read from its charts: each epoch's held-out loss is what the
// rule saw, so a run resumed after a reload (a run saved before the count was kept, too) counts on
// as the whole run would have, and finds its best epoch's weights to go back to.
import type { Checkpoint } from '../protocol/protocol';
import type { SavedRunData, SavedRunInfo } from './savedRunRecord';

type SavedRun = SavedRunInfo & { data: SavedRunData };

/**
 * Early stopping's progress at the saved run's latest epoch (Keras's rule: strictly lower is better,
 * the wait counts the epochs since the best), with the best epoch's weights when they are not the
 * latest; nothing without early stopping or before any epoch was measured.
 */
export function savedEarlyStopping(run: SavedRun): Pick<Checkpoint, 'earlyStopping'> {
  if (!((run.settings.patience ?? 0) > 0)) return {};
  const epochs = run.data.history.epochs
    .filter((e) => e.epoch <= run.epoch)
    .sort((a, b) => a.epoch - b.epoch);
  let [best, bestEpoch, wait] = [Number.POSITIVE_INFINITY, 0, 0];
  for (const { epoch, testLoss } of epochs) {
    if (testLoss < best) [best, bestEpoch, wait] = [testLoss, epoch, 0];
    else wait++;
  }
  if (bestEpoch === 0) return {};
  const { bestWeights } = run.data;
  const kept = bestEpoch !== run.epoch && run.best?.epoch === bestEpoch && bestWeights;
  const weights = kept ? { bestWeights: bestWeights.map((b) => new Float32Array(b)) } : {};
  return { earlyStopping: { best, bestEpoch, wait, ...weights } };
}
