// Where a run is and how fast it goes, for the progress bar and the time left: time paused does not
// count, a run resumed after a lost device counts its speed from the resume on, and the evaluations
// (after each epoch, and a validated run's final test) count with the training batches. An
// evaluation's speed is measured once one has run; before that it is estimated from the step time.
import type { Progress } from '../protocol/protocol';

/**
 * An evaluation runs the forward pass only, about a third of a training step's work per image
 * (forward, backward for the inputs, backward for the weights): the estimate until one is measured.
 */
const EVALUATION_SHARE_OF_STEP = 1 / 3;

export interface RunClockPlan {
  epochs: number;
  batchSize: number;
  /** Images trained per epoch. */
  images: number;
  /** The epoch this stretch of the run started at. */
  fromEpoch: number;
  /** Training seconds before this stretch. */
  secondsBefore: number;
  /** Images evaluated after each epoch (the test set, or the validation images). */
  evaluatedPerEpoch: number;
  /** Images of the test set measured once at the end (a validated run), 0 when none. */
  finalTest: number;
  /** Milliseconds, as performance.now() (a test passes its own clock). */
  now?: () => number;
}

export class RunClock {
  readonly epochs: number;
  readonly batches: number;
  private readonly plan: RunClockPlan;
  private readonly now: () => number;
  private readonly started: number;
  private pausedSeconds = 0;
  /** Seconds and images of the evaluations measured in this stretch. */
  private evaluationSeconds = 0;
  private evaluatedImages = 0;
  private evaluationStart: number | null = null;

  constructor(plan: RunClockPlan) {
    this.plan = plan;
    this.epochs = plan.epochs;
    this.batches = Math.ceil(plan.images / plan.batchSize);
    this.now = plan.now ?? (() => performance.now());
    this.started = this.now();
  }

  private secondsHere(): number {
    return (this.now() - this.started) / 1000 - this.pausedSeconds;
  }

  /** Training seconds since the run began, pauses and lost-device time excluded. */
  get seconds(): number {
    return this.plan.secondsBefore + this.secondsHere();
  }

  paused(seconds: number): void {
    this.pausedSeconds += seconds;
  }

  /** An evaluation of `images` images begins: it is timed until evaluationEnded. */
  evaluationStarted(): void {
    this.evaluationStart = this.now();
  }

  evaluationEnded(images: number): void {
    if (this.evaluationStart === null) return;
    this.evaluationSeconds += (this.now() - this.evaluationStart) / 1000;
    this.evaluatedImages += images;
    this.evaluationStart = null;
  }

  /** Training after `batch` batches of epoch `epoch` (0-based; batch 0 of the next after an epoch ends). */
  at(epoch: number, batch: number): Progress {
    const { plan } = this;
    // Past the last epoch every evaluation is done, a validated run's final test too.
    const evaluated = epoch >= plan.epochs ? Number.POSITIVE_INFINITY : epoch * plan.evaluatedPerEpoch;
    return { ...this.progress(epoch * this.batches + batch, evaluated, 0), epoch, batch };
  }

  /**
   * During the evaluation after epoch `epoch` (0-based) with `done` of its images evaluated; `final`:
   * the test set at the end of a validated run, after that epoch's own evaluation.
   */
  evaluating(epoch: number, done: number, final = false): Progress {
    const before = (epoch + (final ? 1 : 0)) * this.plan.evaluatedPerEpoch;
    const progress = this.progress((epoch + 1) * this.batches, before + done, done);
    return { ...progress, epoch, batch: this.batches };
  }

  /**
   * `batchesDone` and `imagesEvaluated` count the whole run, from its first epoch; `current`: images
   * of the evaluation going on done so far (its speed counts as measured).
   */
  private progress(
    batchesDone: number,
    imagesEvaluated: number,
    current: number,
  ): Omit<Progress, 'epoch' | 'batch'> {
    const { epochs, batches, plan } = this;
    const doneHere = batchesDone - plan.fromEpoch * batches;
    const evaluatingNow = this.evaluationStart === null ? 0 : (this.now() - this.evaluationStart) / 1000;
    const training = this.secondsHere() - this.evaluationSeconds - evaluatingNow;
    const perBatch = doneHere > 0 && training > 0 ? training / doneHere : null;
    const totalBatches = epochs * batches;
    const totalEvaluated = epochs * plan.evaluatedPerEpoch + plan.finalTest;
    const ended = batchesDone >= totalBatches && imagesEvaluated >= totalEvaluated;
    const evaluated = ended ? totalEvaluated : Math.min(imagesEvaluated, totalEvaluated);
    const perImage = this.secondsPerEvaluatedImage(perBatch, evaluatingNow, current);
    let secondsLeft: number | null = null;
    let fraction = totalBatches > 0 ? Math.min(1, batchesDone / totalBatches) : 0;
    if (perBatch !== null && perImage !== null) {
      const left = (totalBatches - batchesDone) * perBatch + (totalEvaluated - evaluated) * perImage;
      const total = totalBatches * perBatch + totalEvaluated * perImage;
      secondsLeft = Math.max(0, left);
      fraction = total > 0 ? Math.min(1, Math.max(0, 1 - left / total)) : 1;
    }
    return {
      epochs,
      batches,
      imagesPerSecond: perBatch ? plan.batchSize / perBatch : 0,
      secondsLeft,
      fraction,
    };
  }

  /** Measured once an evaluation has run, else estimated from the step time; null with neither. */
  private secondsPerEvaluatedImage(
    perBatch: number | null,
    secondsNow: number,
    imagesNow: number,
  ): number | null {
    const images = this.evaluatedImages + imagesNow;
    if (images > 0) return (this.evaluationSeconds + secondsNow) / images;
    return perBatch === null ? null : (perBatch / this.plan.batchSize) * EVALUATION_SHARE_OF_STEP;
  }
}
