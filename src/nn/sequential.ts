import { type Backend, METRICS_LENGTH, type Metrics, type Storage, toMetrics } from '../backend/backend';
import { reshape } from '../engine/convOps';
import { softmax, softmaxCrossEntropy } from '../engine/ops';
import { Tape } from '../engine/tape';
import type { Tensor } from '../engine/tensor';
import type { DeviceDataset } from './dataset';
import { Dense } from './dense';
import type { Layer } from './layer';
import { Random } from './random';
import type { RMSprop } from './rmsprop';

export interface CompileConfig {
  backend: Backend;
  optimizer: RMSprop;
  loss: 'categoricalCrossentropy';
  metrics?: 'accuracy'[];
  /** Seeds the weights and every epoch's data order, so a run can be reproduced exactly. */
  seed?: number;
}

export interface BatchLogs {
  epoch: number;
  /** Batches done in this epoch. */
  batch: number;
  batches: number;
  /** Mean loss and accuracy over the batches since the previous report. */
  loss: number;
  accuracy: number;
  /** Running means over the epoch so far. */
  epochLoss: number;
  epochAccuracy: number;
}

export interface EpochLogs {
  epoch: number;
  loss: number;
  accuracy: number;
  valLoss?: number;
  valAccuracy?: number;
  seconds: number;
}

export interface FitOptions {
  epochs?: number;
  batchSize?: number;
  shuffle?: boolean;
  /** The epoch to start from (resuming): its data order is the one a fresh run would use. */
  initialEpoch?: number;
  validationData?: DeviceDataset;
  /** Metrics are read back every this many batches (never every step: a readback waits for the GPU). */
  logEvery?: number;
  /** Called with each metrics report; fit waits for a returned promise (that is how pause works). */
  onBatchEnd?: (logs: BatchLogs) => void | Promise<void>;
  onEpochEnd?: (logs: EpochLogs) => void | Promise<void>;
}

export interface Evaluation {
  loss: number;
  accuracy: number;
}

/** Training steps recorded into one command buffer before it is submitted. */
const STEPS_PER_SUBMIT = 4;

/** An evaluation with its confusion matrix and every image's verdict (see evaluateInDetail). */
export interface DetailedEvaluation extends Evaluation {
  classes: number;
  /** [classes, classes]: rows are true classes, columns predicted ones. */
  matrix: Uint32Array;
  /** [count]: each image's predicted class. */
  predicted: Uint32Array;
  /** [count, classes]: each image's class probabilities. */
  probabilities: Float32Array;
}

export interface InputGradients {
  /** [classes] for the image. */
  probabilities: Float32Array;
  /** [classes, inputDim]: row c is d logit_c / d input. */
  gradients: Float32Array;
}

export class TrainingDivergedError extends Error {
  override name = 'TrainingDivergedError';
}

/**
 * Keras's Sequential for a stack of layers (Dense, or Conv2D/MaxPooling2D/Flatten before them)
 * ending in softmax, trained with cross-entropy. Data arrive as rows of pixels; a first layer that
 * declares an image shape ([28, 28, 1]) sees the same values as [rows, 28, 28, 1].
 */
export class Sequential {
  /** Set to true (e.g. from onBatchEnd) to end fit() after the current batch, as in Keras. */
  stopTraining = false;
  private compiled: CompileConfig | null = null;

  constructor(readonly layers: Layer[]) {
    if (layers.length === 0) throw new Error('Sequential: a model needs at least one layer');
    if (!layers[0].inputShape) throw new Error('Sequential: the first layer needs an inputShape');
    if (layers.at(-1)?.activation !== 'softmax')
      throw new Error('Sequential: the last layer must use softmax');
    if (layers.slice(0, -1).some((l) => l.activation === 'softmax'))
      throw new Error('Sequential: softmax is only supported on the last layer');
  }

  compile(config: CompileConfig): void {
    if (config.loss !== 'categoricalCrossentropy')
      throw new Error(`Sequential: unsupported loss ${config.loss}`);
    this.dispose();
    const random = new Random(config.seed ?? 1);
    let shape = this.inputShape;
    try {
      for (const layer of this.layers) shape = layer.build(config.backend, shape, random);
    } catch (error) {
      // A layer that cannot take its input: free what the layers before it allocated.
      for (const layer of this.layers) layer.dispose();
      throw error;
    }
    this.compiled = config;
  }

  get inputShape(): readonly number[] {
    return this.layers[0].inputShape as readonly number[];
  }

  get inputDim(): number {
    return this.inputShape.reduce((a, b) => a * b, 1);
  }

  get parameters(): Tensor[] {
    return this.layers.flatMap((l) => l.parameters);
  }

  get parameterCount(): number {
    return this.layers.reduce((sum, l) => sum + l.parameterCount, 0);
  }

  private config(): CompileConfig {
    if (!this.compiled) throw new Error('Sequential: call compile() first');
    return this.compiled;
  }

  /** Logits for a batch; the softmax is fused into the loss or applied by predict(). */
  private logits(tape: Tape, x: Tensor): Tensor {
    let h = this.inputShape.length > 1 ? reshape(tape, x, [x.shape[0], ...this.inputShape]) : x;
    for (const layer of this.layers) h = layer.forward(tape, h);
    return h;
  }

  /** The data order of one epoch: a pure function of the seed and the epoch number. */
  epochOrder(epoch: number, count: number, shuffle: boolean): Uint32Array {
    if (!shuffle) return Uint32Array.from({ length: count }, (_, i) => i);
    return new Random(((this.config().seed ?? 1) * 1000003 + epoch * 7919) >>> 0).permutation(count);
  }

  /** Batch rows order[offset .. offset + rows) of x, gathered on the device into tape temporaries. */
  private gatherBatch(tape: Tape, x: DeviceDataset, order: Storage, offset: number, rows: number) {
    const input = tape.tensor([rows, x.pixelsPerImage], false);
    input.mostlyZeros = true; // image pixels: most are background
    const labels = tape.alloc(rows);
    const { images, labels: labelBytes, pixelsPerImage } = x;
    tape.backend.gatherBatch({
      x: input.storage,
      labels,
      images,
      labelBytes,
      order,
      offset,
      rows,
      pixelsPerImage,
    });
    return { input, labels };
  }

  /** Records one training step: gather the batch, forward, backward, RMSprop. Nothing is read back. */
  private trainStep(x: DeviceDataset, order: Storage, offset: number, rows: number, metrics: Storage): void {
    const { backend, optimizer } = this.config();
    const tape = new Tape(backend);
    const { input, labels } = this.gatherBatch(tape, x, order, offset, rows);
    const { loss } = softmaxCrossEntropy(tape, this.logits(tape, input), labels, metrics);
    tape.backward(loss);
    optimizer.step(backend, this.parameters);
    tape.release();
  }

  async fit(x: DeviceDataset, options: FitOptions = {}): Promise<EpochLogs[]> {
    const { backend } = this.config();
    const { epochs = 1, batchSize = 32, shuffle = true, initialEpoch = 0, logEvery = 8 } = options;
    if (!Number.isInteger(batchSize) || batchSize < 1)
      throw new Error(`fit: batch size must be a positive integer, got ${batchSize}`);
    const batches = Math.ceil(x.count / batchSize);
    const order = backend.alloc(x.count);
    const metrics = backend.alloc(METRICS_LENGTH);
    const history: EpochLogs[] = [];
    this.stopTraining = false;
    try {
      for (let epoch = initialEpoch; epoch < epochs && !this.stopTraining; epoch++) {
        const started = performance.now();
        backend.write(order, this.epochOrder(epoch, x.count, shuffle));
        backend.fill(metrics, 0);
        let previous: Metrics = { lossSum: 0, correct: 0, seen: 0, nonFinite: 0 };
        const inFlight: { batch: number; read: Promise<Float32Array> }[] = [];
        const report = async ({ batch, read }: (typeof inFlight)[number]) => {
          const m = toMetrics(await read);
          if (m.nonFinite > 0 || !Number.isFinite(m.lossSum)) {
            throw new TrainingDivergedError(
              `The loss became NaN or infinite in epoch ${epoch + 1} (by batch ${batch} of ${batches}). ` +
                'The learning rate is probably too high: try a smaller one (the default is 0.001).',
            );
          }
          const seen = m.seen - previous.seen;
          const logs: BatchLogs = {
            epoch,
            batch,
            batches,
            loss: (m.lossSum - previous.lossSum) / seen,
            accuracy: (m.correct - previous.correct) / seen,
            epochLoss: m.lossSum / m.seen,
            epochAccuracy: m.correct / m.seen,
          };
          previous = m;
          await options.onBatchEnd?.(logs);
        };
        const readMetrics = () => {
          const read = backend.read(metrics, METRICS_LENGTH);
          // NOTE: when one report fails (a lost device), fit throws and the reads still in flight
          // are never awaited; their rejections must not surface as unhandled.
          read.catch(() => {});
          return read;
        };
        let done = 0;
        while (done < batches && !this.stopTraining) {
          const offset = done * batchSize;
          this.trainStep(x, order, offset, Math.min(batchSize, x.count - offset), metrics);
          done++;
          // Several steps per command buffer: fewer submits (which cost on real GPUs), while the
          // GPU still gets work long before it could run dry. Reads submit whatever is pending.
          if (done % STEPS_PER_SUBMIT === 0) backend.flush();
          if (done % logEvery === 0 || done === batches) {
            // The copy is queued now, so it holds the metrics as of this batch. Waiting only for
            // the report before this one keeps the GPU busy while bounding how far ahead we run.
            inFlight.push({ batch: done, read: readMetrics() });
            if (inFlight.length > 1) await report(inFlight.shift() as (typeof inFlight)[number]);
          }
        }
        if (done % logEvery !== 0 && done !== batches) inFlight.push({ batch: done, read: readMetrics() });
        while (inFlight.length > 0) await report(inFlight.shift() as (typeof inFlight)[number]);
        const logs: EpochLogs = {
          epoch,
          loss: previous.lossSum / previous.seen,
          accuracy: previous.correct / previous.seen,
          seconds: (performance.now() - started) / 1000,
        };
        if (options.validationData && !this.stopTraining) {
          const val = await this.evaluate(options.validationData);
          logs.valLoss = val.loss;
          logs.valAccuracy = val.accuracy;
        }
        history.push(logs);
        await options.onEpochEnd?.(logs);
      }
    } finally {
      backend.free(metrics);
      backend.free(order);
    }
    return history;
  }

  /** Loss and accuracy over a whole data set, in large batches, with a single readback. */
  async evaluate(x: DeviceDataset, { batchSize = 1000 } = {}): Promise<Evaluation> {
    const { backend } = this.config();
    const order = backend.alloc(x.count);
    const metrics = backend.alloc(METRICS_LENGTH);
    try {
      this.recordEvaluation(x, order, metrics, batchSize);
      const m = toMetrics(await backend.read(metrics, METRICS_LENGTH));
      return { loss: m.lossSum / m.seen, accuracy: m.correct / m.seen };
    } finally {
      backend.free(metrics);
      backend.free(order);
    }
  }

  /**
   * Records the forward pass over all of x in batches, in order, accumulating loss and accuracy into
   * `metrics`; `eachBatch` records more work on each batch's logits before its tape is released.
   */
  private recordEvaluation(
    x: DeviceDataset,
    order: Storage,
    metrics: Storage,
    batchSize: number,
    eachBatch?: (logits: Storage, labels: Storage, offset: number, rows: number) => void,
  ): void {
    const { backend } = this.config();
    backend.write(order, this.epochOrder(0, x.count, false));
    backend.fill(metrics, 0);
    for (let offset = 0; offset < x.count; offset += batchSize) {
      const rows = Math.min(batchSize, x.count - offset);
      const tape = new Tape(backend, false);
      const { input, labels } = this.gatherBatch(tape, x, order, offset, rows);
      const logits = this.logits(tape, input);
      softmaxCrossEntropy(tape, logits, labels, metrics);
      eachBatch?.(logits.storage, labels, offset, rows);
      tape.release();
    }
  }

  /** Class probabilities [rows, classes] for images given as floats in [0, 1], [rows, inputDim]. */
  async predict(pixels: Float32Array): Promise<Float32Array> {
    const { backend } = this.config();
    const rows = pixels.length / this.inputDim;
    if (!Number.isInteger(rows) || rows < 1)
      throw new Error(`predict: ${pixels.length} values are not whole images of ${this.inputDim}`);
    const tape = new Tape(backend, false);
    try {
      const input = tape.tensor([rows, this.inputDim], false);
      input.mostlyZeros = true;
      backend.write(input.storage, pixels);
      const probs = softmax(tape, this.logits(tape, input));
      return await probs.toArray();
    } finally {
      tape.release();
    }
  }

  /**
   * evaluate(), plus the confusion matrix and each image's predicted class and probabilities,
   * computed on the device as each batch goes and read back together at the end.
   */
  async evaluateInDetail(x: DeviceDataset, { batchSize = 1000 } = {}): Promise<DetailedEvaluation> {
    const { backend } = this.config();
    const classes = (this.layers.at(-1) as Dense).units;
    const order = backend.alloc(x.count);
    const metrics = backend.alloc(METRICS_LENGTH);
    const matrix = backend.alloc(classes * classes);
    const predicted = backend.alloc(x.count);
    const probs = backend.alloc(x.count * classes);
    try {
      backend.fill(matrix, 0);
      this.recordEvaluation(x, order, metrics, batchSize, (logits, labels, offset, rows) =>
        backend.confusion({ rows, cols: classes, offset, matrix, predicted, probs, logits, labels }),
      );
      const [m, counts, verdicts, probabilities] = await Promise.all([
        backend.read(metrics, METRICS_LENGTH),
        backend.readU32(matrix, classes * classes),
        backend.readU32(predicted, x.count),
        backend.read(probs, x.count * classes),
      ]);
      const { lossSum, correct, seen } = toMetrics(m);
      return {
        loss: lossSum / seen,
        accuracy: correct / seen,
        classes,
        matrix: counts,
        predicted: verdicts,
        probabilities,
      };
    } finally {
      for (const s of [probs, predicted, matrix, metrics, order]) backend.free(s);
    }
  }

  /**
   * For one image ([inputDim] floats in [0, 1]): its class probabilities and the gradient of every
   * class's score (its logit) with respect to the input. The image goes in once per class and copy
   * c is seeded with class c's one-hot, so one forward and one backward pass give all of them, from
   * the same weights. Everything is recorded before the first await: a training step never runs in
   * between (they share the parameters' .grad).
   */
  async inputGradients(pixels: Float32Array): Promise<InputGradients> {
    const { backend } = this.config();
    const size = this.inputDim;
    if (pixels.length !== size)
      throw new Error(`inputGradients: expected ${size} values, got ${pixels.length}`);
    const classes = (this.layers.at(-1) as Dense).units;
    const tape = new Tape(backend);
    let reads: Promise<Float32Array>[];
    try {
      const input = tape.tensor([classes, size], true);
      input.mostlyZeros = true;
      const copies = new Float32Array(classes * size);
      for (let c = 0; c < classes; c++) copies.set(pixels, c * size);
      backend.write(input.storage, copies);
      const logits = this.logits(tape, input);
      const probs = softmax(tape, logits);
      const seed = tape.alloc(classes * classes);
      backend.write(
        seed,
        Float32Array.from({ length: classes * classes }, (_, i) => (i % (classes + 1) === 0 ? 1 : 0)),
      );
      tape.backwardFrom(logits, seed);
      // The copies are queued now, before the buffers go back to the pool.
      reads = [backend.read(probs.storage, classes), (input.grad as Tensor).toArray()];
    } finally {
      tape.release();
    }
    const [probabilities, gradients] = await Promise.all(reads);
    return { probabilities, gradients };
  }

  /**
   * The first layer's weights, [inputDim, units] row-major, read off the device (the copy is queued
   * now, so it holds the weights as of the work recorded so far); null when the first layer is not
   * Dense, whose weights have no per-unit image.
   */
  readFirstLayerWeights(): { inputs: number; units: number; weights: Promise<Float32Array> } | null {
    const first = this.layers[0];
    if (!(first instanceof Dense)) return null;
    const [kernel] = first.parameters; // throws if the model was never compiled
    return { inputs: first.inputDim as number, units: first.units, weights: kernel.toArray() };
  }

  /** A copy of every parameter, kept off the device (snapshots, export). */
  async getWeights(): Promise<Float32Array[]> {
    return Promise.all(this.parameters.map((p) => p.toArray()));
  }

  setWeights(weights: Float32Array[]): void {
    const params = this.parameters;
    if (weights.length !== params.length)
      throw new Error(`setWeights: expected ${params.length} arrays, got ${weights.length}`);
    params.forEach((p, i) => {
      if (weights[i].length !== p.size)
        throw new Error(`setWeights: array ${i} has ${weights[i].length} values, expected ${p.size}`);
      this.config().backend.write(p.storage, weights[i]);
    });
  }

  dispose(): void {
    if (!this.compiled) return;
    this.compiled.optimizer.dispose(this.compiled.backend);
    for (const layer of this.layers) layer.dispose();
    this.compiled = null;
  }
}
