// A run's evaluations, timed and reported as they go: the clock learns how long one takes (so the
// time left and the bar count those still to come), and the page is told how far the one going on
// is. The test set in detail also yields the confusion matrix and every image's verdict.
import type { Mnist } from '../data/mnist';
import type { DeviceDataset } from '../nn/dataset';
import { evaluateInDetail } from '../nn/insight';
import type { Sequential } from '../nn/sequential';
import type { FromWorker } from '../protocol/protocol';
import type { Evaluation } from '../protocol/reports';
import type { Settings } from '../protocol/settings';
import type { Verdicts } from './gallery';
import { EVAL_BATCH } from './model';
import type { RunClock, RunClockPlan } from './runClock';
import type { GpuSession } from './session';

/** What the clock of a stretch plans for: its epochs, batches and evaluations. */
export function clockPlan(
  settings: Settings,
  mnist: Mnist,
  images: number,
  fromEpoch: number,
  secondsBefore: number,
): RunClockPlan {
  const validation = settings.validation ?? 0;
  const { epochs, batchSize } = settings;
  const testCount = mnist.test.count;
  const evaluatedPerEpoch = validation > 0 ? validation : testCount;
  const finalTest = validation > 0 ? testCount : 0;
  return { epochs, batchSize, images, fromEpoch, secondsBefore, evaluatedPerEpoch, finalTest };
}

/** The test set's figures and every image's verdict, the run's result. */
export interface Tested {
  test: Evaluation;
  verdicts: Verdicts;
}

/** A stretch's evaluations after each epoch (0-based `epoch`), timed by its clock and reported as they go. */
export class RunEvaluations {
  constructor(
    private readonly clock: RunClock,
    private readonly emit: (message: FromWorker) => void,
    private readonly session: GpuSession,
    private readonly mnist: Mnist,
    private readonly model: Sequential,
    private readonly tested: (tested: Tested) => void,
  ) {}

  /** The validation images (`total` of them), measured by `measure`, which reports the images done. */
  validation(
    epoch: number,
    total: number,
    measure: (onProgress: (done: number) => void) => Promise<Evaluation>,
  ): Promise<Evaluation> {
    return this.timed(epoch, false, total, measure);
  }

  /**
   * The test set in detail; `final`: a validated run's test at the end, after that epoch's own;
   * `weightsEpoch`: the epoch whose weights are measured (early stopping went back to the best).
   */
  test(epoch: number, final = false, weightsEpoch = epoch): Promise<Evaluation> {
    const { session, mnist, model, emit } = this;
    return this.timed(epoch, final, mnist.test.count, async (onProgress) => {
      const tested = await testInDetail(session, mnist, model, weightsEpoch, emit, onProgress);
      this.tested(tested);
      return tested.test;
    });
  }

  private async timed<T>(
    epoch: number,
    final: boolean,
    total: number,
    evaluate: (onProgress: (done: number) => void) => Promise<T>,
  ): Promise<T> {
    const { clock, emit } = this;
    clock.evaluationStarted();
    const report = (done: number) =>
      emit({
        type: 'evaluating',
        epoch,
        done,
        total,
        progress: clock.evaluating(epoch, done, final),
        ...(final ? { finalTest: true } : {}),
      });
    report(0);
    const result = await evaluate(report);
    clock.evaluationEnded(total);
    return result;
  }
}

/** The test set in detail: its figures, every image's verdict, and the confusion matrix sent to the page. */
export async function testInDetail(
  session: GpuSession,
  mnist: Mnist,
  model: Sequential,
  epoch: number,
  emit: (message: FromWorker) => void,
  onProgress: (done: number) => void,
): Promise<Tested> {
  const set = session.test as DeviceDataset;
  const detail = await evaluateInDetail(model, set, { batchSize: EVAL_BATCH, onProgress });
  const { classes, matrix, predicted, probabilities } = detail;
  emit({ type: 'confusion', epoch, classes, matrix });
  const verdicts = { classes, labels: mnist.test.labels, predicted, probabilities };
  return { test: { loss: detail.loss, accuracy: detail.accuracy }, verdicts };
}
