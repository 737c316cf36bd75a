// An evaluation's progress, batch by batch: after each batch is recorded, a small read of the running
// metrics is queued behind it, so it resolves as the GPU gets there without holding it up. Used by
// Sequential.evaluate and evaluateInDetail (insight.ts).
import { type Backend, METRICS_LENGTH, type Storage, toMetrics } from '../backend/backend';

/** `afterBatch` to call once each batch is recorded; `done` settles when every report has been made. */
export function evaluationProgress(
  backend: Backend,
  metrics: Storage,
  onProgress: ((done: number) => void) | undefined,
): { afterBatch: (() => void) | undefined; done: () => Promise<unknown> } {
  const reads: Promise<void>[] = [];
  const afterBatch = onProgress
    ? () => {
        reads.push(backend.read(metrics, METRICS_LENGTH).then((m) => onProgress(toMetrics(m).seen)));
      }
    : undefined;
  return { afterBatch, done: () => Promise.all(reads) };
}
