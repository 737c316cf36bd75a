import type { Kernels } from './cpu/kernels';

// The kernels the engine runs, one method per kernel id. Two implementations: cpu/ (plain loops,
// the reference) and webgpu/ (WGSL in shaders/). Methods record work; results are read with read().
// Storage holds 32-bit words (f32 or u32), like a GPU storage buffer.

export interface Storage {
  /** Capacity in 32-bit words. */
  readonly length: number;
}

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

/**
 * Rows of op(A) per block of the sparse matmul's index (nonzeroColumns): a block's column is kept
 * when any of its rows is nonzero, so fewer rows skip more.
 */
export const SPARSE_ROWS = 4;

/** Words of the two index buffers the sparse path needs: the column lists, and their lengths. */
export function sparseIndexWords(s: Pick<MatmulShape, 'm' | 'k'>): { columns: number; counts: number } {
  const blocks = Math.ceil(s.m / SPARSE_ROWS);
  return { columns: blocks * s.k, counts: blocks };
}

/**
 * Storage, transfers, and one method per kernel id. The kernels' signatures are written once, in
 * the reference table (cpu/kernels.ts); each backend installs its own table of them.
 */
export interface Backend extends Kernels {
  readonly name: string;
  alloc(length: number): Storage;
  free(storage: Storage): void;
  write(storage: Storage, data: Float32Array | Uint32Array): void;
  /** Packs bytes four to a word (little-endian), as the GPU reads them. */
  uploadBytes(bytes: Uint8Array): Storage;
  fill(storage: Storage, value: number, length?: number): void;
  read(storage: Storage, length?: number): Promise<Float32Array>;
  readU32(storage: Storage, length?: number): Promise<Uint32Array>;
  /** Sends recorded work to the device now (a no-op on the CPU). */
  flush(): void;
  /**
   * Where a backend has several matmul variants: times them on these shapes and keeps the fastest
   * (see warmUp, the one entry point that calls it).
   */
  tuneMatmul?(shapes: MatmulShape[]): Promise<unknown>;
}
