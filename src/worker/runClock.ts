// Where a run is and how fast it goes, for the progress bar: time paused does not count, and a run
// resumed after a lost device counts its speed from the resume on.
import type { Progress } from '../protocol/protocol';

export class RunClock {
  readonly batches: number;
  private readonly started = performance.now();
  private pausedSeconds = 0;

  constructor(
    readonly epochs: number,
    readonly batchSize: number,
    images: number,
    /** The epoch this stretch of the run started at. */
    private readonly fromEpoch: number,
    /** Training seconds before this stretch. */
    private readonly secondsBefore: number,
  ) {
    this.batches = Math.ceil(images / batchSize);
  }

  private secondsHere(): number {
    return (performance.now() - this.started) / 1000 - this.pausedSeconds;
  }

  /** Training seconds since the run began, pauses and lost-device time excluded. */
  get seconds(): number {
    return this.secondsBefore + this.secondsHere();
  }

  paused(seconds: number): void {
    this.pausedSeconds += seconds;
  }

  at(epoch: number, batch: number): Progress {
    const doneHere = (epoch - this.fromEpoch) * this.batches + batch;
    const seconds = this.secondsHere();
    const left = this.epochs * this.batches - (epoch * this.batches + batch);
    return {
      epoch,
      epochs: this.epochs,
      batch,
      batches: this.batches,
      imagesPerSecond: seconds > 0 ? (doneHere * this.batchSize) / seconds : 0,
      secondsLeft: doneHere > 0 ? (seconds / doneHere) * left : null,
    };
  }
}
