import {
  type Backend,
  METRICS_LENGTH,
  type Regularization,
  type Storage,
  toMetrics,
} from '../backend/backend';
import { reshape, softmax, softmaxCrossEntropy } from '../engine/ops';
import { Tape } from '../engine/tape';
import type { Tensor } from '../engine/tensor';
import { type Augment, type DeviceDataset, imagesTensor } from './dataset';
import { evaluationProgress } from './evaluationProgress';
import { fitLoop } from './fitLoop';
import type { EpochLogs, Evaluation, FitOptions } from './fitOptions';
import type { Layer } from './layer';
import type { Optimizer } from './optimizer';
import { ParameterArena } from './parameterArena';
import { Random } from './random';
import { arenaRegularization } from './regularization';

export type { BatchProbe, EpochLogs, Evaluation, FitHold, FitOptions, ProbedBatch } from './fitOptions';
export type { BatchLogs } from './metricsReader';
export { TrainingDivergedError } from './metricsReader';

export interface CompileConfig {
  backend: Backend;
  optimizer: Optimizer;
  loss: 'categoricalCrossentropy';
  /** Seeds the weights and every epoch's data order, so a run can be reproduced exactly. */
  seed?: number;
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
  private arena: ParameterArena | null = null;
  /** The kernel regularizers' coefficients, laid out like the arena; null when no layer has one. */
  private regularization: Regularization | null = null;
  private outputShape: readonly number[] = [];

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
      this.outputShape = shape;
      // One storage for every parameter and one for their gradients: one optimizer dispatch a step.
      this.arena = ParameterArena.pack(config.backend, this.parameters);
      const kernels = this.layers.flatMap((l) =>
        l.kernelRegularizer ? [{ kernel: l.parameters[0], regularizer: l.kernelRegularizer }] : [],
      );
      this.regularization = arenaRegularization(config.backend, this.arena, kernels);
      config.optimizer.attach(config.backend, this.arena, this.regularization ?? undefined);
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

  /** The classes the last layer scores (once compiled). */
  get outputUnits(): number {
    this.config(); // throws before compile()
    return this.outputShape[0];
  }

  get backend(): Backend {
    return this.config().backend;
  }

  /** The optimizer given to compile(): the model owns it, and frees it with its layers. */
  get optimizer(): Optimizer {
    return this.config().optimizer;
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

  /**
   * Logits for a batch; the softmax is fused into the loss or applied by predict(). `seen` is shown
   * each layer's output as it is recorded (the drawing's activations, in the insight views).
   */
  logits(tape: Tape, x: Tensor, seen?: (output: Tensor) => void): Tensor {
    let h = this.inputShape.length > 1 ? reshape(tape, x, [x.shape[0], ...this.inputShape]) : x;
    for (const layer of this.layers) {
      h = layer.forward(tape, h);
      seen?.(h);
    }
    return h;
  }

  /** The data order of one epoch: a pure function of the seed and the epoch number. */
  epochOrder(epoch: number, count: number, shuffle: boolean): Uint32Array {
    if (!shuffle) return Uint32Array.from({ length: count }, (_, i) => i);
    return new Random((this.seed * 1000003 + epoch * 7919) >>> 0).permutation(count);
  }

  /** The seed given to compile() (1 when none was). */
  get seed(): number {
    return this.config().seed ?? 1;
  }

  /** A Dense first layer reads the batch through a matmul (a sparse one, where the backend skips zeros). */
  get readsSparseInput(): boolean {
    return this.layers[0].kind === 'Dense';
  }

  /** Records one training step: gather the batch, forward, backward, the optimizer. Nothing is read back. */
  trainStep(
    x: DeviceDataset,
    order: Storage,
    offset: number,
    rows: number,
    metrics: Storage,
    augment?: Augment,
  ): void {
    const { backend, optimizer } = this.config();
    const tape = new Tape(backend);
    tape.training = { seed: this.seed, step: optimizer.iterations }; // Dropout's mask, BatchNorm's batch statistics
    const { input, labels } = x.gather(tape, order, offset, rows, this.readsSparseInput, augment);
    const { loss } = softmaxCrossEntropy(tape, this.logits(tape, input), labels, metrics);
    tape.backward(loss);
    this.recordPenalty(metrics, rows); // on the weights the forward pass used
    optimizer.step(backend, this.parameters);
    tape.release();
  }

  /** Records a forward pass over one training batch (as trainStep gathers it), adding its loss into `metrics`. */
  recordBatchLoss(
    x: DeviceDataset,
    order: Storage,
    offset: number,
    rows: number,
    metrics: Storage,
    augment?: Augment,
  ): void {
    const tape = new Tape(this.config().backend, false);
    const { input, labels } = x.gather(tape, order, offset, rows, this.readsSparseInput, augment);
    softmaxCrossEntropy(tape, this.logits(tape, input), labels, metrics);
    this.recordPenalty(metrics, rows);
    tape.release();
  }

  /**
   * Adds rows × the kernel regularizers' penalty to the loss sum in `metrics`, so the loss shown is
   * Keras's (cross-entropy plus penalty); nothing is recorded for a model without regularizers.
   */
  private recordPenalty(metrics: Storage, rows: number): void {
    const { arena, regularization } = this;
    if (arena && regularization)
      this.config().backend.weightPenalty(metrics, arena.params, regularization, arena.length, rows);
  }

  /** Keras's fit: epochs of shuffled batches, reported as they go (the loop is in fitLoop.ts). */
  fit(x: DeviceDataset, options: FitOptions = {}): Promise<EpochLogs[]> {
    return fitLoop(this, x, options);
  }

  /**
   * Loss and accuracy over a whole data set, in large batches, with a single readback; `onProgress`
   * is told the images evaluated so far as each batch's metrics land (one small read per batch,
   * queued behind it, as evaluateInDetail's).
   */
  async evaluate(
    x: DeviceDataset,
    { batchSize = 1000, onProgress }: { batchSize?: number; onProgress?: (done: number) => void } = {},
  ): Promise<Evaluation> {
    const { backend } = this.config();
    const order = backend.alloc(x.count);
    const metrics = backend.alloc(METRICS_LENGTH);
    try {
      const progress = evaluationProgress(backend, metrics, onProgress);
      this.recordEvaluation(x, order, metrics, batchSize, progress.afterBatch);
      const [read] = await Promise.all([backend.read(metrics, METRICS_LENGTH), progress.done()]);
      const m = toMetrics(read);
      return { loss: m.lossSum / m.seen, accuracy: m.correct / m.seen };
    } finally {
      backend.free(metrics);
      backend.free(order);
    }
  }

  /**
   * Records the forward pass over all of x in batches, in x.evaluationOrder() (written into
   * `order`), accumulating loss and accuracy into `metrics`; `eachBatch` records more work on each
   * batch's logits before its tape is released (insight.ts records the confusion matrix this way):
   * its rows are images order[offset ..].
   */
  recordEvaluation(
    x: DeviceDataset,
    order: Storage,
    metrics: Storage,
    batchSize: number,
    eachBatch?: (logits: Storage, labels: Storage, offset: number, rows: number) => void,
  ): void {
    const { backend } = this.config();
    backend.write(order, x.evaluationOrder());
    backend.fill(metrics, 0);
    for (let offset = 0; offset < x.count; offset += batchSize) {
      const rows = Math.min(batchSize, x.count - offset);
      const tape = new Tape(backend, false);
      const { input, labels } = x.gather(tape, order, offset, rows, this.readsSparseInput);
      const logits = this.logits(tape, input);
      softmaxCrossEntropy(tape, logits, labels, metrics);
      eachBatch?.(logits.storage, labels, offset, rows);
      tape.release();
    }
    this.recordPenalty(metrics, x.count); // Keras's evaluate reports the penalty too
  }

  /** Class probabilities [rows, classes] for images given as floats in [0, 1], [rows, inputDim]. */
  async predict(pixels: Float32Array): Promise<Float32Array> {
    const { backend } = this.config();
    const rows = pixels.length / this.inputDim;
    if (!Number.isInteger(rows) || rows < 1)
      throw new Error(`predict: ${pixels.length} values are not whole images of ${this.inputDim}`);
    const tape = new Tape(backend, false);
    try {
      const probs = softmax(tape, this.logits(tape, imagesTensor(tape, pixels, rows)));
      return await probs.toArray();
    } finally {
      tape.release();
    }
  }

  /** Keras's weights: each layer's parameters, then its state (BatchNormalization's moving statistics). */
  get weights(): Tensor[] {
    return this.layers.flatMap((l) => [...l.parameters, ...(l.state ?? [])]);
  }

  /** A copy of every weight, kept off the device (snapshots, checkpoints, export). */
  async getWeights(): Promise<Float32Array[]> {
    return Promise.all(this.weights.map((p) => p.toArray()));
  }

  setWeights(weights: Float32Array[]): void {
    const params = this.weights;
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
    this.arena?.dispose();
    this.arena = null;
    for (const s of Object.values(this.regularization ?? {})) this.config().backend.free(s);
    this.regularization = null;
    this.compiled = null;
  }
}
