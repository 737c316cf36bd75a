import type { AugmentRanges } from './augmentation';
import type { BatchNormKernels } from './batchNorm';
import type { DropoutMask, Regularization } from './regularizers';
import type { Storage } from './storage';

export type { DropoutMask, Regularization } from './regularizers';
export type { Storage } from './storage';

// The kernels the engine runs, one method per kernel id. Two implementations: cpu/ (plain loops,
// the reference) and webgpu/ (WGSL in shaders/). Methods record work; results are read with read().
// Storage holds 32-bit words (f32 or u32), like a GPU storage buffer.

/** C[M,N] = op(A)[M,K] · op(B)[K,N]; a transposed operand is read transposed, never copied. */
export interface MatmulShape {
  m: number;
  n: number;
  k: number;
  transA: boolean;
  transB: boolean;
  /**
   * A hint: op(A) is mostly zeros (a batch of images). A backend may then skip the zero terms, which
   * leaves the result unchanged (except that 0·∞ is not NaN). The CPU reference ignores it.
   */
  sparseA?: boolean;
  /**
   * The sparse path's index of op(A) when it was built beforehand (gatherBatch builds a batch's);
   * without it a backend that skips zeros builds its own.
   */
  sparseIndex?: SparseIndex;
}

/** Where each block of SPARSE_ROWS rows of op(A) has a nonzero (see nonzeroColumns). */
export interface SparseIndex {
  /** u32 [blocks, K]: each block's nonzero columns, ascending. */
  columns: Storage;
  /** u32 [blocks]: how many. */
  counts: Storage;
}

/**
 * What a matmul does to C on its way out, in this order; each part optional. The parts a dense layer
 * needs, so its forward and backward read no product twice: bias and ReLU in the forward, a ReLU's
 * mask in the hidden gradient, the bias gradient beside the weight gradient.
 */
export interface MatmulEpilogue {
  /** [N] added to every row of C. */
  bias?: Storage;
  /** max(0, ·), after the bias. */
  relu?: boolean;
  /** [M, N]: C kept where mask > 0 and zeroed elsewhere (a ReLU's backward on its saved output). */
  mask?: Storage;
  /** [N] written with Σ_k op(B)[k, n]: the bias gradient when op(B) is dY. Needs transB false. */
  columnSums?: Storage;
}

/**
 * A 3x3 convolution, stride 1, valid padding, channels last (NHWC, as Keras): x [batch, height,
 * width, inChannels] -> y [batch, height-2, width-2, outChannels]; the kernel is Keras's
 * [3, 3, inChannels, outChannels] read as a [9*inChannels, outChannels] matrix.
 */
export interface Conv2dShape {
  batch: number;
  height: number;
  width: number;
  inChannels: number;
  outChannels: number;
}

/** A 2x2 max pool, stride 2, floor (Keras's valid): x [batch, height, width, channels]. */
export interface PoolShape {
  batch: number;
  height: number;
  width: number;
  channels: number;
}

export interface RmspropHyper {
  learningRate: number;
  rho: number;
  epsilon: number;
}

/** keras.optimizers.SGD: momentum 0 is plain gradient descent (no velocity is kept). */
export interface SgdHyper {
  learningRate: number;
  momentum: number;
  nesterov: boolean;
}

/**
 * One Adam step. The bias correction depends on the step number only, so the optimizer folds it
 * into `stepSize` on the CPU (adamStepSize) and the kernel stays one dispatch with no counter.
 */
export interface AdamStepHyper {
  /** lr · sqrt(1 − beta2^t) / (1 − beta1^t), for step t (from 1). */
  stepSize: number;
  beta1: number;
  beta2: number;
  epsilon: number;
}

/** Keras's bias-corrected Adam step size ("alpha" in keras/src/optimizers/adam.py) for step t ≥ 1. */
export function adamStepSize(learningRate: number, beta1: number, beta2: number, t: number): number {
  return (learningRate * Math.sqrt(1 - beta2 ** t)) / (1 - beta1 ** t);
}

export type SoftmaxXentMode = 'train' | 'eval' | 'predict';

/** Metrics accumulated on the device by softmaxXent, in this order. */
export const METRICS_LENGTH = 4;
export interface Metrics {
  lossSum: number;
  correct: number;
  seen: number;
  nonFinite: number;
}
export function toMetrics(words: Float32Array): Metrics {
  return { lossSum: words[0], correct: words[1], seen: words[2], nonFinite: words[3] };
}

export interface SoftmaxXentArgs {
  mode: SoftmaxXentMode;
  rows: number;
  cols: number;
  /** [rows, cols]: dlogits in train mode, probabilities in predict mode, untouched in eval. */
  out: Storage;
  /** [4] accumulated: lossSum, correct, seen, nonFinite (see Metrics). */
  metrics: Storage;
  /** [1] batch-mean loss. */
  loss: Storage;
  /** [rows] u32 argmax per row. */
  predictions: Storage;
  logits: Storage;
  /** [rows] u32 class indices (ignored in predict mode). */
  labels: Storage;
}

export interface GatherBatchArgs {
  /** [rows, pixelsPerImage] f32 pixels / 255. */
  x: Storage;
  /** [rows] u32. */
  labels: Storage;
  /** Bytes from uploadBytes: every image's pixels, then labelBytes: one byte per image. */
  images: Storage;
  labelBytes: Storage;
  /** u32 image indices; the batch is order[offset .. offset + rows). */
  order: Storage;
  offset: number;
  rows: number;
  pixelsPerImage: number;
  /**
   * Also builds the sparse matmul's index of x (parts 1) and of xᵀ (parts 2) in this storage, laid
   * out as sparseIndexLayout() says; the reference is nonzeroColumns on x, after the gather.
   */
  index?: { storage: Storage; parts: 1 | 2 };
}

/** gatherBatch with each image moved by a transform hashed from (seed, step, row); see augmentation.ts. */
export interface GatherBatchAugmentedArgs extends GatherBatchArgs {
  /** The image is width x height pixels, row by row (width * height = pixelsPerImage). */
  width: number;
  height: number;
  /** The run's seed and the training step (u32 each): with the row, they pick the transform. */
  seed: number;
  step: number;
  ranges: AugmentRanges;
}

export interface ConfusionArgs {
  rows: number;
  cols: number;
  /** Where this batch starts in `predicted` and `probs` (a data set is evaluated batch by batch). */
  offset: number;
  /** [cols, cols] u32, accumulated: rows are true classes, columns predicted ones. */
  matrix: Storage;
  /** [count] u32 argmax per image, written at offset. */
  predicted: Storage;
  /** [count, cols] f32 softmax per image, written at offset. */
  probs: Storage;
  logits: Storage;
  /** [rows] u32 class indices. */
  labels: Storage;
}

/** Words a view's offset is a multiple of: 256 bytes, the largest minStorageBufferOffsetAlignment. */
export const VIEW_ALIGN = 64;

/**
 * The kernels, one method per kernel id, with their arguments: what a backend records. Two tables
 * satisfy it: the reference (cpu/kernels.ts) and the WebGPU wrappers (webgpu/kernels/table.ts).
 */
export interface Kernels extends BatchNormKernels {
  /** C[M,N] = op(A)[M,K] · op(B)[K,N], then the epilogue; the sparseA hint is the GPU's to use. */
  matmul(out: Storage, a: Storage, b: Storage, shape: MatmulShape, epilogue?: MatmulEpilogue): void;
  /**
   * The sparse matmul's index: for each block of SPARSE_ROWS rows of op(A), the columns holding a
   * nonzero and how many; `columns` and `counts` hold sparseIndexWords(shape) words (sparseIndex.ts).
   */
  nonzeroColumns(columns: Storage, counts: Storage, a: Storage, shape: MatmulShape): void;
  biasAddRelu(out: Storage, x: Storage, bias: Storage, rows: number, cols: number, relu: boolean): void;
  reluBackward(dx: Storage, dy: Storage, y: Storage, length: number): void;
  sumRows(out: Storage, x: Storage, rows: number, cols: number): void;
  add(out: Storage, x: Storage, length: number): void;
  /** Inverted dropout: out = x · mask / (1 − rate); on dy it is its own backward. */
  dropout(out: Storage, x: Storage, length: number, mask: DropoutMask): void;
  softmaxXent(args: SoftmaxXentArgs): void;
  /** The optimizers: with `regularization`, the gradient is the loss's plus the penalty's. */
  rmsprop(
    param: Storage,
    meanSquare: Storage,
    grad: Storage,
    length: number,
    hyper: RmspropHyper,
    regularization?: Regularization,
  ): void;
  /** `velocity` is null only with momentum 0, which keeps none (as Keras). */
  sgd(
    param: Storage,
    velocity: Storage | null,
    grad: Storage,
    length: number,
    hyper: SgdHyper,
    regularization?: Regularization,
  ): void;
  adam(
    param: Storage,
    m: Storage,
    v: Storage,
    grad: Storage,
    length: number,
    hyper: AdamStepHyper,
    regularization?: Regularization,
  ): void;
  /** metrics[0] (the loss sum) += rows · Σ l1·|w| + l2·w²: the penalty in the loss, as Keras's. */
  weightPenalty(
    metrics: Storage,
    params: Storage,
    regularization: Regularization,
    length: number,
    rows: number,
  ): void;
  /** The batch, and with `index` its sparse indexes. */
  gatherBatch(args: GatherBatchArgs): void;
  gatherBatchAugmented(args: GatherBatchAugmentedArgs): void;
  confusion(args: ConfusionArgs): void;
  /** y = conv(x, kernel). */
  conv2d(y: Storage, x: Storage, kernel: Storage, shape: Conv2dShape): void;
  /** dx [batch, height, width, inC] from dy [batch, outH, outW, outC] and the kernel. */
  conv2dInputGrad(dx: Storage, dy: Storage, kernel: Storage, shape: Conv2dShape): void;
  /**
   * The kernel's gradient im2col(x)ᵀ · dy in `splits` partial sums over consecutive slices of the
   * output pixels: out [splits, 9*inC, outC] (sum them with sumRows).
   */
  conv2dKernelGrad(out: Storage, x: Storage, dy: Storage, shape: Conv2dShape, splits: number): void;
  /** y [batch, height/2, width/2, C] and, per output, the flat index into x of its maximum (u32). */
  maxPool(y: Storage, argmax: Storage, x: Storage, shape: PoolShape): void;
  /** dx [batch, height, width, C]: dy at each window's argmax, zero elsewhere. */
  maxPoolBackward(dx: Storage, dy: Storage, argmax: Storage, shape: PoolShape): void;
}

export type KernelId = keyof Kernels;

/**
 * Storage, transfers, and one method per kernel id (Kernels); each backend installs its own table
 * of them.
 */
export interface Backend extends Kernels {
  readonly name: string;
  alloc(length: number): Storage;
  /** Frees storage from alloc(); a view is a no-op (its storage is freed whole). */
  free(storage: Storage): void;
  /**
   * `length` words of `storage` from word `offset` (a multiple of VIEW_ALIGN), bound and read as
   * storage of their own: the parameter arena's slots.
   */
  view(storage: Storage, offset: number, length: number): Storage;
  /** Copies `length` words, in recording order. */
  copy(dst: Storage, src: Storage, length: number): void;
  write(storage: Storage, data: Float32Array | Uint32Array): void;
  /** Packs bytes four to a word (little-endian), as the GPU reads them. */
  uploadBytes(bytes: Uint8Array): Storage;
  fill(storage: Storage, value: number, length?: number): void;
  read(storage: Storage, length?: number): Promise<Float32Array>;
  readU32(storage: Storage, length?: number): Promise<Uint32Array>;
  /**
   * True when matmul skips the zero terms of a sparseA operand (MatmulShape.sparseIndex): a batch's
   * producer then builds its indexes in the gather (GatherBatchArgs.index). Absent: false.
   */
  readonly skipsZeros?: boolean;
  /** Sends recorded work to the device now (a no-op on the CPU). */
  flush(): void;
  /**
   * Where a backend has several matmul variants: times them on these shapes and keeps the fastest
   * (see warmUp, the one entry point that calls it).
   */
  tuneMatmul?(shapes: MatmulShape[]): Promise<unknown>;
}
