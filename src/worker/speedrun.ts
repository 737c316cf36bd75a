// The Speedrun preset on the worker: warms the speedrun recipe's pipelines up (timed apart), then
// times one seed to the target (src/nn/speedrun.ts), posting each evaluation. The model is a
// throwaway: the one that answers drawings is untouched.
import { type Mnist, PIXELS } from '../data/mnist';
import { DeviceDataset } from '../nn/dataset';
import { timeToAccuracy, warmUpFor } from '../nn/speedrun';
import { SPEEDRUN_RECIPE } from '../nn/speedrunRecipes';
import type { FromWorker } from '../protocol/protocol';
import type { SpeedrunProgress, SpeedrunRequest } from '../protocol/speedrun';
import { GpuRunError } from './runFailures';
import type { GpuSession } from './session';

export class Speedrunner {
  private stopRequested = false;

  constructor(private readonly emit: (message: FromWorker) => void) {}

  stop(): void {
    this.stopRequested = true;
  }

  async run(session: GpuSession, mnist: Mnist, request: SpeedrunRequest): Promise<void> {
    const recipe = SPEEDRUN_RECIPE;
    let progress: SpeedrunProgress = {
      type: 'speedrunProgress',
      phase: 'warmUp',
      target: request.target ?? recipe.target,
      adapter: session.adapterName,
      fallback: session.isFallback,
      warmUpSeconds: null,
      evaluations: [],
      seconds: null,
      fullRecipe: [request.target, request.maxSteps, request.train, request.test].every(
        (v) => v === undefined,
      ),
      error: null,
    };
    const post = (change: Partial<SpeedrunProgress>) => {
      progress = { ...progress, ...change };
      this.emit(progress);
    };
    post({});
    session.scopes.open();
    const images = Math.min(request.train ?? mnist.train.count, mnist.train.count);
    const train = session.trainingData(mnist, images);
    const tests = Math.min(request.test ?? mnist.test.count, mnist.test.count);
    const test =
      tests < mnist.test.count
        ? DeviceDataset.upload(
            session.backend,
            mnist.test.pixels.subarray(0, tests * PIXELS),
            mnist.test.labels.subarray(0, tests),
            PIXELS,
          )
        : session.test;
    try {
      if (!test) throw new Error('The test images are not on the device yet.');
      post({ phase: 'running', warmUpSeconds: await warmUpFor(session.backend, recipe, train, test) });
      const result = await timeToAccuracy(session.backend, train, test, {
        recipe,
        seed: request.seed,
        target: request.target,
        maxSteps: request.maxSteps,
        onEvaluation: (e) => post({ evaluations: [...progress.evaluations, e] }),
        cancelled: () => this.stopRequested,
      });
      progress = { ...progress, seconds: result.seconds };
    } catch (failure) {
      progress = { ...progress, error: (failure as Error).message };
    } finally {
      if (train !== session.train) train.dispose();
      if (test !== session.test) test?.dispose();
      const gpuError = await session.scopes.close();
      if (gpuError && !progress.error) progress = { ...progress, error: new GpuRunError(gpuError).message };
    }
    post({ phase: 'done' });
  }
}
