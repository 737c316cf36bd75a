// What a write of a run's newest epoch keeps (Keras's ModelCheckpoint(save_best_only=True) on the
// test loss, beside the latest epoch): the record always takes the latest epoch, to resume from; its
// best epoch stays unless the new one has a lower test loss, and that epoch's weights stay beside the
// latest. A write of an epoch older than the stored one is refused: another tab's run got further.
import { type EpochResult, resultOf, type SavedRunData, type SavedRunInfo } from './savedRunRecord';
import { epochBatches, type RunHistory } from './store';

type Run = SavedRunInfo & { data: SavedRunData };

export type Merged = { record: Run } | { storedEpoch: number };

const bytesOf = (buffers: (ArrayBuffer | null)[]) => buffers.reduce((n, b) => n + (b?.byteLength ?? 0), 0);

/**
 * The record to write over `stored` (read and checked; null when there is none or it is unreadable):
 * `incoming`, with the better of the two best epochs.
 */
export function withBest(stored: Run | null, incoming: Run): Merged {
  if (stored && stored.epoch > incoming.epoch) return { storedEpoch: stored.epoch };
  const candidate = resultOf(incoming.data.history, incoming.epoch);
  const kept: EpochResult | null = stored?.best ?? null;
  // Keras's monitor for a loss: strictly lower is better. The same epoch written again is itself.
  if (!stored || !kept || kept.epoch >= incoming.epoch || (candidate && candidate.testLoss < kept.testLoss))
    return { record: { ...incoming, best: candidate, data: { ...incoming.data, bestWeights: null } } };
  const bestWeights = kept.epoch === stored.epoch ? stored.data.weights : stored.data.bestWeights;
  return {
    record: {
      ...incoming,
      best: kept,
      bytes: incoming.bytes + bytesOf(bestWeights ?? []),
      data: { ...incoming.data, bestWeights },
    },
  };
}

/** The best epoch got worse since: the latest epoch is not the best one. */
export function gotWorse(run: Pick<SavedRunInfo, 'best' | 'epoch'>): boolean {
  return run.best !== null && run.best.epoch < run.epoch;
}

/** The charts up to the end of `epoch` (the best epoch, opened as it was then). */
export function historyUpTo(
  history: RunHistory,
  settings: SavedRunInfo['settings'],
  epoch: number,
): RunHistory {
  const lastStep = epoch * epochBatches(history, settings);
  // The test measured at the end, and where early stopping stopped, belong to the whole run.
  const whole = history.epochs.every((e) => e.epoch <= epoch);
  return {
    curve: history.curve.filter((p) => p.step <= lastStep),
    curveStride: history.curveStride,
    epochs: history.epochs.filter((e) => e.epoch <= epoch),
    rateChanges: (history.rateChanges ?? []).filter((c) => c.step <= lastStep),
    ...(whole && history.testAtEnd ? { testAtEnd: history.testAtEnd } : {}),
    ...(whole && history.earlyStop ? { earlyStop: history.earlyStop } : {}),
    ...(history.batchesPerEpoch ? { batchesPerEpoch: history.batchesPerEpoch } : {}),
  };
}
