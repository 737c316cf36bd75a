import type { FirstLayerWeights } from '../nn/insight';
import type { FromWorker } from '../protocol/protocol';

/** Reads of the first layer's weights per epoch, for the hidden-unit tiles. */
const READS_PER_EPOCH = 4;

/**
 * Reads the first layer's weights off the device a few times per epoch, like fit() reads metrics:
 * at most one read in flight, and training never waits for it; the weights are posted when they land.
 */
export class UnitsReader {
  private inFlight = false;
  /** A forced read came while one was in flight: read again when it lands (the run's last weights). */
  private again: (() => void) | null = null;
  private lastStep = Number.NEGATIVE_INFINITY;
  private reportedUnavailable = false;

  constructor(private readonly emit: (message: FromWorker) => void) {}

  /** `readWeights` starts a read (readFirstLayerWeights); `force`: read now whatever the interval (an epoch's end). */
  maybeRead(
    readWeights: () => FirstLayerWeights | null,
    step: number,
    batchesPerEpoch: number,
    force = false,
  ): void {
    if (!force && step - this.lastStep < batchesPerEpoch / READS_PER_EPOCH) return;
    if (this.inFlight) {
      if (force) this.again = () => this.maybeRead(readWeights, step, batchesPerEpoch, true);
      return;
    }
    const read = readWeights();
    if (!read) {
      if (!this.reportedUnavailable) this.emit({ type: 'units', step, inputs: 0, units: 0, weights: null });
      this.reportedUnavailable = true;
      return;
    }
    this.inFlight = true;
    this.lastStep = step;
    const { inputs, units } = read;
    read.weights
      .then((weights) => this.emit({ type: 'units', step, inputs, units, weights }))
      // A failed read means a lost device or a failed run, which fit() reports on its own.
      .catch(() => {})
      .finally(() => {
        this.inFlight = false;
        const again = this.again;
        this.again = null;
        try {
          again?.();
        } catch {
          // The model was disposed meanwhile (its run is over): nothing left to show.
        }
      });
  }
}
