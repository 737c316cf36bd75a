// fit()'s metrics, read back while training goes on. The loss, accuracy and a divergence flag
// accumulate on the device (softmaxXent); reading them waits for the GPU, so fit never waits for
// the read it just queued: the copy is queued after its batch (it holds the metrics as of then),
// and fit waits only for the report before it. The GPU stays busy, and how far the CPU runs ahead
// is bounded.
import { type Backend, METRICS_LENGTH, type Metrics, type Storage, toMetrics } from '../backend/backend';
import type { BatchLogs } from '../protocol/reports';

export type { BatchLogs } from '../protocol/reports';

export class TrainingDivergedError extends Error {
  override name = 'TrainingDivergedError';
}

/** One epoch's reads of the metrics buffer, reported in order. */
export class MetricsReader {
  private previous: Metrics = { lossSum: 0, correct: 0, seen: 0, nonFinite: 0 };
  private readonly inFlight: { batch: number; read: Promise<Float32Array> }[] = [];
  /** The batch the last read was queued at. */
  private requested = 0;

  constructor(
    private readonly backend: Backend,
    private readonly metrics: Storage,
    private readonly epoch: number,
    private readonly batches: number,
    /** Called with each report; a returned promise is waited for (that is how pause works). */
    private readonly onReport: (logs: BatchLogs) => void | Promise<void>,
  ) {}

  /** Queues a read of the metrics as of `batch` (batches done in the epoch), unless one is queued already. */
  request(batch: number): void {
    if (batch <= this.requested) return;
    this.requested = batch;
    const read = this.backend.read(this.metrics, METRICS_LENGTH);
    // NOTE: when one report fails (a lost device), fit throws and the reads still in flight are
    // never awaited; their rejections must not surface as unhandled.
    read.catch(() => {});
    this.inFlight.push({ batch, read });
  }

  /** Reports the oldest reads until at most `pending` are left in flight. */
  async reportUntil(pending: number): Promise<void> {
    while (this.inFlight.length > pending)
      await this.report(this.inFlight.shift() as (typeof this.inFlight)[0]);
  }

  /** Loss and accuracy over the epoch as of the last report. */
  get epochMeans(): { loss: number; accuracy: number } {
    const m = this.previous;
    return { loss: m.lossSum / m.seen, accuracy: m.correct / m.seen };
  }

  private async report({ batch, read }: (typeof this.inFlight)[0]): Promise<void> {
    const m = toMetrics(await read);
    if (m.nonFinite > 0 || !Number.isFinite(m.lossSum)) {
      throw new TrainingDivergedError(
        `The loss became NaN or infinite in epoch ${this.epoch + 1} (by batch ${batch} of ${this.batches}). ` +
          'The learning rate is probably too high: try a smaller one (the default is 0.001).',
      );
    }
    const { previous } = this;
    const seen = m.seen - previous.seen;
    const logs: BatchLogs = {
      epoch: this.epoch,
      batch,
      batches: this.batches,
      loss: (m.lossSum - previous.lossSum) / seen,
      accuracy: (m.correct - previous.correct) / seen,
      epochLoss: m.lossSum / m.seen,
      epochAccuracy: m.correct / m.seen,
    };
    this.previous = m;
    await this.onReport(logs);
  }
}
