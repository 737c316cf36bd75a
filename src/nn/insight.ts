// What the app's insight views ask of a compiled model, beyond Keras's API: each test image's
// verdict with the confusion matrix, the input gradient of every class score (saliency), and the
// first layer's weights as per-unit images.
import { METRICS_LENGTH, toMetrics } from '../backend/backend';
import { softmax } from '../engine/ops';
import { Tape } from '../engine/tape';
import type { Tensor } from '../engine/tensor';
import { type DeviceDataset, imagesTensor } from './dataset';
import { Dense } from './dense';
import { evaluationProgress } from './evaluationProgress';
import type { Evaluation, Sequential } from './sequential';

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
  /** Each hidden layer's output for the image (after its activation), flat, in the layer's shape. */
  activations: Float32Array[];
}

export interface FirstLayerWeights {
  inputs: number;
  units: number;
  /** [inputs, units] row-major. */
  weights: Promise<Float32Array>;
}

/**
 * evaluate(), plus the confusion matrix and each image's predicted class and probabilities,
 * computed on the device as each batch goes and read back together at the end.
 */
export async function evaluateInDetail(
  model: Sequential,
  x: DeviceDataset,
  {
    batchSize = 1000,
    onProgress,
  }: {
    batchSize?: number;
    /** Told the images evaluated so far as each batch's metrics land (one small read per batch). */
    onProgress?: (done: number) => void;
  } = {},
): Promise<DetailedEvaluation> {
  const { backend } = model;
  const classes = model.outputUnits;
  const order = backend.alloc(x.count);
  const metrics = backend.alloc(METRICS_LENGTH);
  const matrix = backend.alloc(classes * classes);
  const predicted = backend.alloc(x.count);
  const probs = backend.alloc(x.count * classes);
  try {
    backend.fill(matrix, 0);
    // NOTE: every batch is recorded before the first await, as in inputGradients.
    const progress = evaluationProgress(backend, metrics, onProgress);
    model.recordEvaluation(x, order, metrics, batchSize, (logits, labels, offset, rows) => {
      backend.confusion({ rows, cols: classes, offset, matrix, predicted, probs, logits, labels });
      progress.afterBatch?.();
    });
    const [m, counts, verdicts, probabilities] = await Promise.all([
      backend.read(metrics, METRICS_LENGTH),
      backend.readU32(matrix, classes * classes),
      backend.readU32(predicted, x.count),
      backend.read(probs, x.count * classes),
      progress.done(),
    ]);
    const { lossSum, correct, seen } = toMetrics(m);
    return {
      loss: lossSum / seen,
      accuracy: correct / seen,
      classes,
      matrix: counts,
      ...byImage(x.evaluationOrder(), classes, verdicts, probabilities),
    };
  } finally {
    for (const s of [probs, predicted, matrix, metrics, order]) backend.free(s);
  }
}

/** The per-image outputs, read in evaluation order (row i is image order[i]), put in image order. */
function byImage(order: Uint32Array, classes: number, verdicts: Uint32Array, probabilities: Float32Array) {
  const predicted = new Uint32Array(verdicts.length);
  const probs = new Float32Array(probabilities.length);
  for (const [row, image] of order.entries()) {
    predicted[image] = verdicts[row];
    probs.set(probabilities.subarray(row * classes, row * classes + classes), image * classes);
  }
  return { predicted, probabilities: probs };
}

/**
 * For one image ([inputDim] floats in [0, 1]): its class probabilities and the gradient of every
 * class's score (its logit) with respect to the input. The image goes in once per class and copy
 * c is seeded with class c's one-hot, so one forward and one backward pass give all of them, from
 * the same weights. Everything is recorded before the first await: a training step never runs in
 * between (they share the parameters' .grad).
 */
export async function inputGradients(model: Sequential, pixels: Float32Array): Promise<InputGradients> {
  const { backend } = model;
  const size = model.inputDim;
  if (pixels.length !== size)
    throw new Error(`inputGradients: expected ${size} values, got ${pixels.length}`);
  const classes = model.outputUnits;
  const tape = new Tape(backend);
  let reads: Promise<Float32Array>[];
  try {
    const copies = new Float32Array(classes * size);
    for (let c = 0; c < classes; c++) copies.set(pixels, c * size);
    const input = imagesTensor(tape, copies, classes, true);
    const outputs: Tensor[] = [];
    const logits = model.logits(tape, input, (output) => outputs.push(output));
    const probs = softmax(tape, logits);
    const seed = tape.alloc(classes * classes);
    backend.write(
      seed,
      Float32Array.from({ length: classes * classes }, (_, i) => (i % (classes + 1) === 0 ? 1 : 0)),
    );
    tape.backwardFrom(logits, seed);
    // The copies are queued now, before the buffers go back to the pool.
    // Every copy of the image is the same: the first row of each layer's output is the image's.
    const hidden = outputs.slice(0, -1).map((o) => backend.read(o.storage, o.size / classes));
    reads = [backend.read(probs.storage, classes), (input.grad as Tensor).toArray(), ...hidden];
  } finally {
    tape.release();
  }
  const [probabilities, gradients, ...activations] = await Promise.all(reads);
  return { probabilities, gradients, activations };
}

/**
 * The output layer's kernel, [units before it, classes] row-major: how much each unit of the layer
 * before it adds to each class's score (read as readFirstLayerWeights is); null when it is not Dense.
 */
export function readOutputWeights(model: Sequential): FirstLayerWeights | null {
  const last = model.layers[model.layers.length - 1];
  if (!(last instanceof Dense)) return null;
  const [kernel] = last.parameters;
  return { inputs: last.inputDim as number, units: last.units, weights: kernel.toArray() };
}

/**
 * The first layer's weights, [inputDim, units] row-major, read off the device (the copy is queued
 * now, so it holds the weights as of the work recorded so far); null when the first layer is not
 * Dense, whose weights have no per-unit image.
 */
export function readFirstLayerWeights(model: Sequential): FirstLayerWeights | null {
  const first = model.layers[0];
  if (!(first instanceof Dense)) return null;
  const [kernel] = first.parameters; // throws if the model was never compiled
  return { inputs: first.inputDim as number, units: first.units, weights: kernel.toArray() };
}
