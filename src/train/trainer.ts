import { WebGPUUnavailableError } from '../backend/webgpu/device';
import { describeGpuError } from '../backend/webgpu/errorScopes';
import type { MatmulVariant } from '../backend/webgpu/kernels/matmul';
import { DataFileError } from '../data/idx';
import { loadMnist, type Mnist, PIXELS } from '../data/mnist';
import { TrainingDivergedError } from '../nn/sequential';
import { type Checkpoint, modelOnCpu, restoreCheckpoint, takeCheckpoint } from './checkpoint';
import { modelFromStack, stackOf } from './denseStack';
import { selectGallery, type Verdicts } from './gallery';
import { buildModel, type Model } from './model';
import { checkRunFits } from './modelSize';
import type { ErrorKind, FromWorker, GalleryQuery } from './protocol';
import { GpuRunError, Run } from './run';
import { GpuSession } from './session';
import { DEFAULT_SETTINGS, type Settings } from './settings';
import type { DenseStack } from './tfjsFormat';

const SAMPLE_COUNT = 12;
/** Images per gallery: enough to see a pattern; a gallery's 784-byte images are sent on request. */
const GALLERY_LIMIT = 48;
/** How long a failed readback waits for the device loss that probably caused it to be reported. */
const LOSS_GRACE_MS = 1000;

/** 0.001 as 0.001, 1e20 as 1e20 (not 100000000000000000000). */
function formatRate(rate: number): string {
  return rate >= 1e4 || rate < 1e-4 ? rate.toExponential().replace('e+', 'e') : String(rate);
}

/**
 * Owns the device, the data on it and the model, and drives training. It knows nothing of React
 * or the DOM: it reports through `emit`, so it runs the same in a worker or on the page.
 * What it guards against: bad data (reported, with Retry), a lost device (checkpoints off the GPU
 * at every epoch; recover() continues from the last), GPU errors (error scopes around runs),
 * models too large (refused before allocating), divergence (rolled back to the last checkpoint).
 */
export class Trainer {
  private session: GpuSession | null = null;
  private dataUrl = '';
  private mnist: Mnist | null = null;
  private downloading = false;
  /** The model on the GPU, and whether a run has trained it. */
  private current: Model | null = null;
  private currentTrained = false;
  /** The last weights and RMSprop state copied off the GPU. */
  private checkpoint: Checkpoint | null = null;
  /** That checkpoint on the CPU: it answers drawings while there is no GPU. */
  private cpu: Model | null = null;
  private run: Run | null = null;
  private recovering = false;
  private lostMessage = '';
  private matmulVariant: MatmulVariant | null = null;
  /** The verdicts of the last finished run's last evaluation. */
  private verdicts: Verdicts | null = null;

  constructor(private readonly emit: (message: FromWorker) => void) {}

  async init(dataUrl: string): Promise<void> {
    this.dataUrl = dataUrl;
    // The download goes on while the device is set up and the kernels are tuned.
    const download = this.download();
    try {
      await this.openSession();
    } catch (error) {
      const kind = error instanceof WebGPUUnavailableError ? 'webgpu' : 'device';
      this.fail(kind, (error as Error).message, true);
      return;
    }
    await download;
  }

  /** After a data failure: download again, or, if the data is here, try the GPU upload again. */
  async retryData(): Promise<void> {
    if (this.mnist) await this.uploadData();
    else await this.download();
  }

  private async download(): Promise<void> {
    if (this.downloading || this.mnist) return;
    this.downloading = true;
    let failed = false;
    try {
      this.mnist = await loadMnist(this.dataUrl, (p) => failed || this.emit({ type: 'loading', ...p }));
    } catch (error) {
      failed = true;
      const file = error instanceof DataFileError ? error.file : undefined;
      this.fail('data', (error as Error).message, false, file);
      return;
    } finally {
      this.downloading = false;
    }
    await this.uploadData();
  }

  /** Puts the data on the device once both are there, and says so. */
  private async uploadData(): Promise<void> {
    const { session, mnist } = this;
    if (!session || session.lost || !mnist || session.train) return;
    session.scopes.open();
    session.upload(mnist);
    const error = await session.scopes.close();
    if (error) {
      session.dropData();
      this.fail('data', `The GPU could not take the images. ${describeGpuError(error)}`, false);
      return;
    }
    this.emit({
      type: 'ready',
      samples: {
        pixels: mnist.train.pixels.slice(0, SAMPLE_COUNT * PIXELS),
        labels: Array.from(mnist.train.labels.subarray(0, SAMPLE_COUNT)),
      },
      trainCount: mnist.train.count,
      testCount: mnist.test.count,
      memory: session.memory(),
    });
  }

  /** A new device with the model on it (from the last checkpoint, if any), then the data. */
  private async openSession(): Promise<void> {
    const session = await GpuSession.open({
      onLost: (s, message) => this.onLost(s, message),
      onError: (s, error) => this.onGpuError(s, error),
    });
    const { backend } = session;
    if (this.matmulVariant) backend.matmulVariant = this.matmulVariant;
    else {
      const { batchSize, hidden } = DEFAULT_SETTINGS;
      await backend.tuneMatmul([
        { m: batchSize, n: hidden, k: PIXELS, transA: false, transB: false },
        { m: PIXELS, n: hidden, k: batchSize, transA: true, transB: false },
      ]);
      this.matmulVariant = backend.matmulVariant;
    }
    const checkpoint = this.checkpoint;
    const model = buildModel(backend, checkpoint?.settings ?? DEFAULT_SETTINGS);
    if (checkpoint) restoreCheckpoint(backend, model, checkpoint);
    else this.checkpoint = await takeCheckpoint(model, DEFAULT_SETTINGS, 0, false);
    this.session = session;
    this.current = model;
    this.currentTrained = checkpoint?.trained ?? false;
    this.cpu = null;
    this.emit({
      type: 'gpu',
      adapter: session.adapterName,
      matmulVariant: backend.matmulVariant,
      memory: session.memory(),
    });
    await this.uploadData();
  }

  /** Trains a fresh model with these settings; the drawing pad uses it live as it learns. */
  async startTraining(settings: Settings): Promise<void> {
    const { session, mnist } = this;
    if (!session || session.lost || !mnist || !session.train || this.run || this.recovering) return;
    // Before anything is allocated: a model that cannot fit is refused with the limit it exceeds.
    const tooLarge = checkRunFits(settings, session.device.limits, mnist.train.count, mnist.test.count);
    if (tooLarge) return this.fail('tooLarge', tooLarge, false);
    const run = this.newRun(settings);
    this.run = run;
    this.verdicts = null;
    await this.train(run, 0);
  }

  /** A run whose checkpoints are kept here (device loss, roll-back) and announced (autosave). */
  private newRun(settings: Settings): Run {
    return new Run(settings, this.emit, (checkpoint) => {
      this.checkpoint = checkpoint;
      if (!checkpoint.trained) return;
      const shapes = (this.current?.model.parameters ?? []).map((p) => [...p.shape]);
      this.emit({ type: 'checkpoint', checkpoint, shapes });
    });
  }

  /** One stretch of a run: from the start, or from the checkpoint a recovered run goes on from. */
  private async train(run: Run, fromEpoch: number): Promise<void> {
    const session = this.session as GpuSession;
    const failure = await run.stretch(session, this.mnist as Mnist, fromEpoch, () => {
      // A recovered run goes on with the model the new session rebuilt from the checkpoint.
      if (fromEpoch > 0) return this.current as Model;
      this.current?.model.dispose();
      this.current = buildModel(session.backend, run.settings);
      this.currentTrained = true;
      this.emit({
        type: 'started',
        settings: run.settings,
        parameterCount: this.current.model.parameterCount,
      });
      return this.current;
    });
    await this.endStretch(session, run, failure);
  }

  /** How a stretch of a run ended: lost device (resumable), an error (rolled back), or done. */
  private async endStretch(session: GpuSession, run: Run, failure: unknown): Promise<void> {
    if (!session.lost && !failure && run.stopRequested && run.model) {
      // A stopped run ends mid-epoch: its final weights are the checkpoint from now on.
      try {
        this.checkpoint = await takeCheckpoint(run.model, run.settings, this.checkpoint?.epoch ?? 0, true);
      } catch (error) {
        failure = error;
      }
    }
    if (session.lost || (failure && (await session.lostWithin(LOSS_GRACE_MS)))) {
      run.interrupted = true;
      run.model = run.data = null;
      this.reportLost(true);
      return;
    }
    let problem: [ErrorKind, string] | null = null;
    if (failure) {
      const kind =
        failure instanceof TrainingDivergedError
          ? 'diverged'
          : failure instanceof GpuRunError
            ? 'gpu'
            : 'training';
      let message = (failure as Error).message;
      if (kind === 'training') message = `Training failed: ${message}`;
      if (kind === 'diverged')
        message += ` This run's learning rate was ${formatRate(run.settings.learningRate)}.`;
      problem = [kind, `${message} ${this.rollBack(session, run)}`];
    }
    run.release(session);
    this.verdicts = run.verdicts;
    this.run = null;
    session.trim();
    if (problem) {
      this.fail(problem[0], problem[1], false);
      this.emit({ type: 'memory', memory: session.memory() });
    } else {
      const { test, stopRequested: stopped, seconds } = run;
      this.emit({ type: 'done', test, stopped, seconds, memory: session.memory() });
    }
  }

  /** After a failed run: the model goes back to the last checkpoint, so the drawing pad still makes sense. */
  private rollBack(session: GpuSession, run: Run): string {
    const checkpoint = this.checkpoint;
    if (!run.model || checkpoint?.settings !== run.settings) return '';
    restoreCheckpoint(session.backend, run.model, checkpoint);
    this.currentTrained = checkpoint.trained;
    return checkpoint.epoch > 0
      ? `The network is back to its weights after epoch ${checkpoint.epoch}.`
      : 'The network is back to its weights from the start of the run.';
  }

  private onLost(session: GpuSession, message: string): void {
    if (session !== this.session) return;
    this.lostMessage = message;
    this.cpu = this.checkpoint ? modelOnCpu(this.checkpoint) : null;
    const run = this.run;
    if (run) {
      // fit() fails at its next readback, or ends at this flag; either way the run reports the loss
      // when it ends (endStretch), as an interrupted run.
      run.endSoon();
      return;
    }
    this.reportLost(false);
  }

  private reportLost(interrupted: boolean): void {
    this.emit({
      type: 'lost',
      message: `The GPU device was lost (${this.lostMessage.replace(/\.$/, '')}).`,
      checkpointEpoch: this.checkpoint?.epoch ?? null,
      interrupted,
    });
  }

  /** A new device, the last checkpoint on it, and an interrupted run goes on from there. */
  async recover(): Promise<void> {
    const lost = this.session;
    if (!lost?.lost || this.recovering) return;
    this.recovering = true;
    this.emit({ type: 'recovering' });
    try {
      lost.destroy();
      await this.openSession();
    } catch (error) {
      this.fail(
        'device',
        `No new GPU device: ${(error as Error).message} Try again, or reload the page.`,
        false,
      );
      return;
    } finally {
      this.recovering = false;
    }
    const run = this.run;
    if (!run?.interrupted) return;
    run.interrupted = false;
    const checkpoint = this.checkpoint;
    const from = checkpoint?.settings === run.settings ? checkpoint.epoch : 0;
    this.emit({ type: 'restored', epoch: from });
    await this.train(run, from);
  }

  private onGpuError(session: GpuSession, error: GPUError): void {
    if (session !== this.session) return;
    if (this.run?.active) {
      this.run.failWith(error);
      return;
    }
    this.fail('gpu', describeGpuError(error), false);
  }

  private fail(kind: ErrorKind, message: string, fatal: boolean, file?: string): void {
    this.emit({ type: 'error', kind, message, fatal, ...(file ? { file } : {}) });
  }

  pause(): void {
    this.run?.pause();
  }

  resume(): void {
    this.run?.resume();
  }

  stop(): void {
    if (this.run?.active) this.run.stop();
  }

  async predict(id: number, pixels: Float32Array, explain = false): Promise<void> {
    const session = this.session;
    const onGpu = !!session && !session.lost && this.current !== null;
    const model = onGpu ? this.current : this.cpu;
    if (!model) return;
    try {
      const { probabilities, gradients } = explain
        ? await model.model.inputGradients(pixels)
        : { probabilities: await model.model.predict(pixels), gradients: undefined };
      this.emit({
        type: 'prediction',
        id,
        probabilities,
        ...(gradients ? { gradients } : {}),
        trained: onGpu ? this.currentTrained : (this.checkpoint?.trained ?? false),
        on: onGpu ? 'gpu' : 'cpu',
        memory: onGpu && session ? session.memory() : null,
      });
    } catch (error) {
      // The device went away under this prediction: the checkpoint answers on the CPU.
      if (onGpu && session && (await session.lostWithin(LOSS_GRACE_MS)))
        return this.predict(id, pixels, explain);
      this.fail('gpu', `Prediction failed: ${(error as Error).message}`, false);
    }
  }

  /** The test images a confusion-matrix gallery asks for, with their pixels (nothing if there is no evaluation yet). */
  gallery(id: number, query: GalleryQuery): void {
    const verdicts = this.run?.verdicts ?? this.verdicts;
    const test = this.mnist?.test;
    if (!verdicts || !test) return;
    const { total, items } = selectGallery(verdicts, query, GALLERY_LIMIT);
    const pixels = new Uint8Array(items.length * PIXELS);
    items.forEach((item, k) => {
      pixels.set(test.pixels.subarray(item.index * PIXELS, (item.index + 1) * PIXELS), k * PIXELS);
    });
    this.emit({ type: 'gallery', id, query, total, items, pixels });
  }

  /** A saved run goes on from its checkpoint: same weights, RMSprop state and (seeded) data order. */
  async continueFrom(checkpoint: Checkpoint): Promise<void> {
    const { session, mnist } = this;
    if (!session || session.lost || !mnist || !session.train || this.run || this.recovering) return;
    const { settings } = checkpoint;
    const tooLarge = checkRunFits(settings, session.device.limits, mnist.train.count, mnist.test.count);
    if (tooLarge) return this.fail('tooLarge', tooLarge, false);
    const model = buildModel(session.backend, settings);
    restoreCheckpoint(session.backend, model, checkpoint);
    this.makeCurrent(model, checkpoint);
    const run = this.newRun(settings);
    this.run = run;
    const parameterCount = model.model.parameterCount;
    this.emit({ type: 'continued', settings, parameterCount, epoch: checkpoint.epoch });
    await this.train(run, checkpoint.epoch);
  }

  /** A saved run's weights answer drawings (on the CPU while the GPU is lost). */
  openCheckpoint(checkpoint: Checkpoint): void {
    if (this.run) return;
    const session = this.session;
    let model: Model;
    if (session && !session.lost) {
      model = buildModel(session.backend, checkpoint.settings);
      restoreCheckpoint(session.backend, model, checkpoint);
      this.makeCurrent(model, checkpoint);
    } else {
      this.checkpoint = checkpoint;
      this.cpu = model = modelOnCpu(checkpoint);
    }
    const parameterCount = model.model.parameterCount;
    this.emit({ type: 'loaded', settings: checkpoint.settings, parameterCount, epoch: checkpoint.epoch });
  }

  /** An imported model answers drawings. It has no settings or optimizer state, so it is not resumable. */
  importStack(stack: DenseStack): void {
    const session = this.session;
    if (this.run || !session || session.lost) {
      this.fail(
        'training',
        'A model can be imported only while no run is going on and the GPU is there.',
        false,
      );
      return;
    }
    try {
      this.makeCurrent(modelFromStack(session.backend, stack), null);
    } catch (error) {
      this.fail('training', `The imported model could not be built: ${(error as Error).message}`, false);
      return;
    }
    const parameterCount = (this.current as Model).model.parameterCount;
    this.emit({ type: 'loaded', settings: null, parameterCount, epoch: 0 });
  }

  private makeCurrent(model: Model, checkpoint: Checkpoint | null): void {
    if (this.current !== model) this.current?.model.dispose();
    this.current = model;
    this.currentTrained = true;
    // NOTE: an imported model keeps the previous checkpoint for device loss: there is none of its own.
    if (checkpoint) this.checkpoint = checkpoint;
    this.cpu = null;
    // The last evaluation's verdicts were another model's: no gallery until this one is evaluated.
    this.verdicts = null;
  }

  /** The model answering drawings, as layers and weights (for the TensorFlow.js export). */
  async exportModel(id: number): Promise<void> {
    const session = this.session;
    const model = session && !session.lost ? this.current : this.cpu;
    if (!model) {
      this.emit({ type: 'exported', id, stack: null, error: 'There is no model to export yet.' });
      return;
    }
    try {
      this.emit({ type: 'exported', id, stack: await stackOf(model.model) });
    } catch (error) {
      this.emit({ type: 'exported', id, stack: null, error: (error as Error).message });
    }
  }

  /** Test hooks (see protocol.ts): real loss, real GPU errors. */
  loseDeviceForTest(): void {
    this.session?.loseForTest();
  }

  provokeGpuErrorForTest(error: 'validation' | 'out-of-memory'): void {
    if (this.session && !this.session.lost) this.session.provokeErrorForTest(error);
  }
}
