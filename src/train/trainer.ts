import { requestGpuDevice, WebGPUUnavailableError } from '../backend/webgpu/device';
import { WebGPUBackend } from '../backend/webgpu/webgpuBackend';
import { DataFileError } from '../data/idx';
import { loadMnist, type Mnist } from '../data/mnist';
import { DeviceDataset } from '../nn/dataset';
import { Dense } from '../nn/dense';
import { rmsprop } from '../nn/rmsprop';
import { Sequential, TrainingDivergedError } from '../nn/sequential';
import type { FromWorker, Progress } from './protocol';
import { DEFAULT_SETTINGS, type Settings } from './settings';

const PIXELS = 784;
const SAMPLE_COUNT = 12;

/**
 * Owns the device, the data on it and the model, and drives training. It knows nothing of React
 * or the DOM: it reports through `emit`, so it runs the same in a worker or on the page.
 */
export class Trainer {
  private backend: WebGPUBackend | null = null;
  private train: DeviceDataset | null = null;
  private test: DeviceDataset | null = null;
  private model: Sequential | null = null;
  /** The data set on the host too, for runs capped to the first N training images. */
  private mnist: Mnist | null = null;
  private trained = false;
  private running = false;
  private pausedUntil: { promise: Promise<void>; resolve: () => void } | null = null;

  constructor(private readonly emit: (message: FromWorker) => void) {}

  async init(dataUrl: string): Promise<void> {
    try {
      const { device, adapterName } = await requestGpuDevice({
        onLost: (reason, message) => {
          if (reason !== 'destroyed')
            this.fail(
              'device',
              `The GPU device was lost (${message || reason}). Reload the page to start again.`,
              true,
            );
        },
        onError: (error) => this.fail('device', `GPU error: ${error.message}`, false),
      });
      this.backend = new WebGPUBackend(device);
      const mnist = await loadMnist(dataUrl, (p) => this.emit({ type: 'loading', ...p }));
      this.mnist = mnist;
      this.train = DeviceDataset.upload(this.backend, mnist.train.pixels, mnist.train.labels, PIXELS);
      this.test = DeviceDataset.upload(this.backend, mnist.test.pixels, mnist.test.labels, PIXELS);
      const { batchSize, hidden } = DEFAULT_SETTINGS;
      await this.backend.tuneMatmul([
        { m: batchSize, n: hidden, k: PIXELS, transA: false, transB: false },
        { m: PIXELS, n: hidden, k: batchSize, transA: true, transB: false },
      ]);
      this.model = this.buildModel(DEFAULT_SETTINGS);
      this.emit({
        type: 'ready',
        adapter: adapterName,
        matmulVariant: this.backend.matmulVariant,
        samples: {
          pixels: mnist.train.pixels.slice(0, SAMPLE_COUNT * PIXELS),
          labels: Array.from(mnist.train.labels.subarray(0, SAMPLE_COUNT)),
        },
        trainCount: mnist.train.count,
        testCount: mnist.test.count,
      });
    } catch (error) {
      const kind =
        error instanceof WebGPUUnavailableError
          ? 'webgpu'
          : error instanceof DataFileError
            ? 'data'
            : 'device';
      this.fail(kind, (error as Error).message, true);
    }
  }

  private buildModel(settings: Settings): Sequential {
    const model = new Sequential([
      new Dense(settings.hidden, { activation: 'relu', inputShape: [PIXELS] }),
      new Dense(10, { activation: 'softmax' }),
    ]);
    model.compile({
      backend: this.backend as WebGPUBackend,
      optimizer: rmsprop({ learningRate: settings.learningRate }),
      loss: 'categoricalCrossentropy',
      metrics: ['accuracy'],
      seed: settings.seed,
    });
    return model;
  }

  private fail(kind: Extract<FromWorker, { type: 'error' }>['kind'], message: string, fatal: boolean): void {
    this.emit({ type: 'error', kind, message, fatal });
  }

  /** Trains a fresh model with these settings; the drawing pad uses it live as it learns. */
  async startTraining(settings: Settings): Promise<void> {
    if (!this.backend || !this.train || !this.test || this.running) return;
    this.running = true;
    const count = Math.min(settings.train, this.train.count);
    // A capped run trains on the first `count` images; the full set is reused as it is.
    const data = count === this.train.count ? this.train : this.subset(count);
    this.model?.dispose();
    this.model = this.buildModel(settings);
    this.trained = true;
    const model = this.model;
    this.emit({ type: 'started', settings, parameterCount: model.parameterCount });
    const batches = Math.ceil(count / settings.batchSize);
    const started = performance.now();
    let pausedSeconds = 0;
    const progress = (epoch: number, batch: number): Progress => {
      const done = epoch * batches + batch;
      const seconds = (performance.now() - started) / 1000 - pausedSeconds;
      const rate = done > 0 ? seconds / done : 0;
      const imagesPerSecond = seconds > 0 ? (done * settings.batchSize) / seconds : 0;
      return {
        epoch,
        epochs: settings.epochs,
        batch,
        batches,
        imagesPerSecond,
        secondsLeft: done > 0 ? rate * (settings.epochs * batches - done) : null,
      };
    };
    let test = null;
    try {
      await model.fit(data, {
        epochs: settings.epochs,
        batchSize: settings.batchSize,
        shuffle: true,
        logEvery: 5,
        onBatchEnd: async (logs) => {
          this.emit({ type: 'batch', logs, progress: progress(logs.epoch, logs.batch) });
          if (this.pausedUntil) {
            const pauseStarted = performance.now();
            this.emit({ type: 'paused' });
            await this.pausedUntil.promise;
            pausedSeconds += (performance.now() - pauseStarted) / 1000;
            this.emit({ type: 'resumed' });
          }
        },
        onEpochEnd: async (logs) => {
          this.emit({ type: 'evaluating', epoch: logs.epoch });
          test = await model.evaluate(this.test as DeviceDataset);
          this.emit({ type: 'epoch', logs, test, progress: progress(logs.epoch + 1, 0) });
        },
      });
      this.emit({
        type: 'done',
        test,
        stopped: model.stopTraining,
        seconds: (performance.now() - started) / 1000 - pausedSeconds,
      });
    } catch (error) {
      if (error instanceof TrainingDivergedError) this.fail('diverged', error.message, false);
      else this.fail('training', `Training failed: ${(error as Error).message}`, false);
    } finally {
      if (data !== this.train) data.dispose();
      this.running = false;
      this.pausedUntil?.resolve();
      this.pausedUntil = null;
    }
  }

  private subset(count: number): DeviceDataset {
    // NOTE: the bytes are on the device already, but a view of a storage buffer would need offsets
    // the kernels do not take; re-uploading the first `count` images is simple and happens once a run.
    const { pixels, labels } = (this.mnist as Mnist).train;
    return DeviceDataset.upload(
      this.backend as WebGPUBackend,
      pixels.subarray(0, count * PIXELS),
      labels.subarray(0, count),
      PIXELS,
    );
  }

  pause(): void {
    if (!this.running || this.pausedUntil) return;
    let resolve = () => {};
    const promise = new Promise<void>((r) => {
      resolve = r;
    });
    this.pausedUntil = { promise, resolve };
  }

  resume(): void {
    this.pausedUntil?.resolve();
    this.pausedUntil = null;
  }

  stop(): void {
    if (this.model && this.running) this.model.stopTraining = true;
    this.resume();
  }

  async predict(id: number, pixels: Float32Array): Promise<void> {
    if (!this.model) return;
    try {
      const probabilities = await this.model.predict(pixels);
      this.emit({ type: 'prediction', id, probabilities, trained: this.trained });
    } catch (error) {
      this.fail('device', `Prediction failed: ${(error as Error).message}`, false);
    }
  }
}
