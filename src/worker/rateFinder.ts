// The learning-rate finder's run: a fresh model with the settings on screen (seeded, like a run),
// trained for at most DEFAULT_SWEEP.steps batches while the rate rises every batch; the page gets
// each batch's loss as it comes, then the suggested rate. Nothing of it is kept: the model that
// answers drawings is untouched.
import type { Mnist } from '../data/mnist';
import { DEFAULT_SWEEP, RateFinderTrace, rateAt, suggestRate } from '../nn/rateFinder';
import { TrainingDivergedError } from '../nn/sequential';
import type { FromWorker, RunHold } from '../protocol/protocol';
import type { Settings } from '../protocol/settings';
import { buildModel } from './model';
import { GpuRunError } from './runFailures';
import type { GpuSession } from './session';

/** Points are posted every this many batches (each batch's loss is read back anyway). */
const POST_EVERY = 5;

export class RateFinder {
  private stopRequested = false;
  /** A test's hold ('debug:holdAt'): the sweep stalls before this batch until it is stopped. */
  hold: RunHold | null = null;
  private release: (() => void) | null = null;

  constructor(private readonly emit: (message: FromWorker) => void) {}

  stop(): void {
    this.stopRequested = true;
    this.release?.();
  }

  async sweep(session: GpuSession, mnist: Mnist, settings: Settings): Promise<void> {
    const sweep = DEFAULT_SWEEP;
    const trace = new RateFinderTrace(sweep);
    const post = (done: boolean, error?: string) =>
      this.emit({
        type: 'rateFinder',
        points: [...trace.points],
        steps: sweep.steps,
        done,
        suggestion: done && !error ? suggestRate(trace.points) : null,
        error,
      });
    session.scopes.open();
    const model = buildModel(session.backend, { ...settings, learningRate: rateAt(sweep, 0) });
    const images = Math.min(settings.train, mnist.train.count);
    const data = session.trainingData(mnist, images);
    let error: string | undefined;
    try {
      let step = 0;
      await model.fit(data, {
        epochs: Math.ceil(sweep.steps / Math.ceil(images / settings.batchSize)),
        batchSize: settings.batchSize,
        shuffle: true,
        logEvery: 1,
        hold: {
          requested: (at) => this.hold !== null && at >= this.hold.step && !this.stopRequested,
          wait: () =>
            new Promise((resolve) => {
              this.hold = null;
              this.release = () => resolve(null);
            }),
        },
        onBatchEnd: async (logs) => {
          const goOn = trace.add(step, logs.loss);
          step += 1;
          model.optimizer.setLearningRate(rateAt(sweep, step));
          if (step % POST_EVERY === 0) post(false);
          if (!goOn || this.stopRequested) model.stopTraining = true;
        },
      });
    } catch (failure) {
      // A loss that stops being a number is where the sweep was going anyway: it ends there.
      if (!(failure instanceof TrainingDivergedError)) error = (failure as Error).message;
    } finally {
      model.dispose();
      if (data !== session.train) data.dispose();
      const gpuError = await session.scopes.close();
      if (gpuError && !error) error = new GpuRunError(gpuError).message;
    }
    post(true, error);
  }
}
