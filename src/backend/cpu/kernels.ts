// The reference kernels over Storage, one entry per kernel id, each unwrapping its storages into
// the typed arrays of the plain loops in cpu/<id>.ts. It satisfies backend.ts's Kernels, as the
// WebGPU table (webgpu/kernels/table.ts) does.

import type {
  AdamStepHyper,
  ConfusionArgs,
  Conv2dShape,
  DropoutMask,
  GatherBatchArgs,
  GatherBatchAugmentedArgs,
  Kernels,
  MatmulEpilogue,
  MatmulShape,
  PoolShape,
  Regularization,
  RmspropHyper,
  SgdHyper,
  SoftmaxXentArgs,
  Storage,
} from '../backend';
import { SPARSE_ROWS, sparseIndexLayout } from '../sparseIndex';
import { adam } from './adam';
import { add } from './add';
import { cpuBatchNormKernels } from './batchNormKernels';
import { biasAddRelu } from './biasAddRelu';
import { confusion } from './confusion';
import { conv2d, conv2dInputGrad, conv2dKernelGrad } from './conv2d';
import { dropout } from './dropout';
import { gatherBatch } from './gatherBatch';
import { gatherBatchAugmented } from './gatherBatchAugmented';
import { matmul } from './matmul';
import { maxPool, maxPoolBackward } from './maxPool';
import { nonzeroColumns } from './nonzeroColumns';
import { regularizedGradient, weightPenalty } from './regularization';
import { reluBackward } from './reluBackward';
import { rmsprop } from './rmsprop';
import { sgd } from './sgd';
import { softmaxXent } from './softmaxXent';
import { sumRows } from './sumRows';

/** Words in memory, seen as f32, u32 or bytes, like a GPU storage buffer. */
export class CpuStorage implements Storage {
  readonly f32: Float32Array;
  readonly u32: Uint32Array;
  readonly bytes: Uint8Array;
  /** A view shares `words` with the storage it was made from (Backend.view). */
  constructor(
    readonly length: number,
    words = new ArrayBuffer(length * 4),
    offset = 0,
    readonly isView = false,
  ) {
    this.f32 = new Float32Array(words, offset * 4, length);
    this.u32 = new Uint32Array(words, offset * 4, length);
    this.bytes = new Uint8Array(words, offset * 4, length * 4);
  }
}

const f32 = (s: Storage) => (s as CpuStorage).f32;
const u32 = (s: Storage) => (s as CpuStorage).u32;
const bytes = (s: Storage) => (s as CpuStorage).bytes;

/** The gradient an optimizer applies: the loss's, plus the regularization's when there is one. */
function gradient(param: Storage, grad: Storage, length: number, r?: Regularization): Float32Array {
  return r ? regularizedGradient(f32(grad), f32(param), f32(r.l1), f32(r.l2), length) : f32(grad);
}

export const cpuKernels = {
  /**
   * C[M,N] = op(A)[M,K] · op(B)[K,N], then the epilogue; the sparseA hint is the GPU's to use. The
   * reference is the composition of the kernels the epilogue replaces.
   */
  matmul: (out: Storage, a: Storage, b: Storage, shape: MatmulShape, epilogue: MatmulEpilogue = {}): void => {
    matmul(f32(out), f32(a), f32(b), shape);
    const { m, n, k } = shape;
    const c = f32(out);
    if (epilogue.bias) biasAddRelu(c, c, f32(epilogue.bias), m, n, epilogue.relu ?? false);
    else if (epilogue.relu) for (let i = 0; i < m * n; i++) c[i] = Math.max(c[i], 0);
    if (epilogue.mask) reluBackward(c, c, f32(epilogue.mask), m * n);
    if (epilogue.columnSums) {
      if (shape.transB) throw new Error('matmul: columnSums needs transB false');
      sumRows(f32(epilogue.columnSums), f32(b), k, n);
    }
  },
  /**
   * The sparse matmul's index: for each block of SPARSE_ROWS rows of op(A), the columns holding a
   * nonzero and how many; `columns` and `counts` hold sparseIndexWords(shape) words.
   */
  nonzeroColumns: (columns: Storage, counts: Storage, a: Storage, shape: MatmulShape): void =>
    nonzeroColumns(u32(columns), u32(counts), f32(a), shape, SPARSE_ROWS),
  biasAddRelu: (out: Storage, x: Storage, bias: Storage, rows: number, cols: number, relu: boolean): void =>
    biasAddRelu(f32(out), f32(x), f32(bias), rows, cols, relu),
  reluBackward: (dx: Storage, dy: Storage, y: Storage, length: number): void =>
    reluBackward(f32(dx), f32(dy), f32(y), length),
  sumRows: (out: Storage, x: Storage, rows: number, cols: number): void =>
    sumRows(f32(out), f32(x), rows, cols),
  add: (out: Storage, x: Storage, length: number): void => add(f32(out), f32(x), length),
  /** Inverted dropout: out = x · mask / (1 − rate); on dy it is its own backward. */
  dropout: (out: Storage, x: Storage, length: number, mask: DropoutMask): void =>
    dropout(f32(out), f32(x), length, mask),
  softmaxXent: (a: SoftmaxXentArgs): void =>
    softmaxXent({
      mode: a.mode,
      rows: a.rows,
      cols: a.cols,
      out: f32(a.out),
      metrics: f32(a.metrics),
      loss: f32(a.loss),
      predictions: u32(a.predictions),
      logits: f32(a.logits),
      labels: u32(a.labels),
    }),
  /** The optimizers: with `regularization`, the gradient is the loss's plus the penalty's. */
  rmsprop: (
    param: Storage,
    meanSquare: Storage,
    grad: Storage,
    length: number,
    hyper: RmspropHyper,
    regularization?: Regularization,
  ): void =>
    rmsprop(f32(param), f32(meanSquare), gradient(param, grad, length, regularization), length, hyper),
  /** `velocity` is null only with momentum 0, which keeps none (as Keras). */
  sgd: (
    param: Storage,
    velocity: Storage | null,
    grad: Storage,
    length: number,
    hyper: SgdHyper,
    regularization?: Regularization,
  ): void => {
    if (!velocity && hyper.momentum !== 0) throw new Error('sgd: momentum needs a velocity');
    const g = gradient(param, grad, length, regularization);
    sgd(f32(param), velocity ? f32(velocity) : new Float32Array(0), g, length, hyper);
  },
  adam: (
    param: Storage,
    m: Storage,
    v: Storage,
    grad: Storage,
    length: number,
    hyper: AdamStepHyper,
    regularization?: Regularization,
  ): void => adam(f32(param), f32(m), f32(v), gradient(param, grad, length, regularization), length, hyper),
  /** metrics[0] += rows · Σ l1·|w| + l2·w² (in f32, as the shader adds it). */
  weightPenalty: (
    metrics: Storage,
    params: Storage,
    r: Regularization,
    length: number,
    rows: number,
  ): void => {
    const m = f32(metrics);
    const penalty = Math.fround(weightPenalty(f32(params), f32(r.l1), f32(r.l2), length));
    m[0] = Math.fround(m[0] + Math.fround(rows * penalty));
  },
  /** The batch, and with `index` its sparse indexes: the composition gatherBatch, nonzeroColumns. */
  gatherBatch: (a: GatherBatchArgs): void => {
    gatherBatch(
      f32(a.x),
      u32(a.labels),
      bytes(a.images),
      bytes(a.labelBytes),
      u32(a.order),
      a.offset,
      a.rows,
      a.pixelsPerImage,
    );
    if (!a.index) return;
    const l = sparseIndexLayout(a.rows, a.pixelsPerImage, a.index.parts);
    const words = u32(a.index.storage);
    const part = (at: number, length: number) => words.subarray(at, at + length);
    const x = f32(a.x);
    const shape = { m: a.rows, k: a.pixelsPerImage, transA: false };
    nonzeroColumns(
      part(l.rowColumns, l.rowWords.columns),
      part(l.rowCounts, l.rowWords.counts),
      x,
      shape,
      SPARSE_ROWS,
    );
    if (a.index.parts === 2) {
      const t = { m: a.pixelsPerImage, k: a.rows, transA: true };
      nonzeroColumns(
        part(l.pixelColumns, l.pixelWords.columns),
        part(l.pixelCounts, l.pixelWords.counts),
        x,
        t,
        SPARSE_ROWS,
      );
    }
  },
  /** gatherBatch with each image shifted, rotated and scaled by a transform hashed from (seed, step, row). */
  gatherBatchAugmented: (a: GatherBatchAugmentedArgs): void => {
    if (a.width * a.height !== a.pixelsPerImage)
      throw new Error(
        `gatherBatchAugmented: ${a.width}x${a.height} images are not ${a.pixelsPerImage} pixels`,
      );
    gatherBatchAugmented(f32(a.x), u32(a.labels), bytes(a.images), bytes(a.labelBytes), u32(a.order), a);
  },
  confusion: (a: ConfusionArgs): void =>
    confusion({
      rows: a.rows,
      cols: a.cols,
      offset: a.offset,
      matrix: u32(a.matrix),
      predicted: u32(a.predicted),
      probs: f32(a.probs),
      logits: f32(a.logits),
      labels: u32(a.labels),
    }),
  /** y = conv(x, kernel), an implicit GEMM: [batch*outH*outW, 9*inC] · [9*inC, outC]. */
  conv2d: (y: Storage, x: Storage, kernel: Storage, shape: Conv2dShape): void =>
    conv2d(f32(y), f32(x), f32(kernel), shape),
  /** dx [batch, height, width, inC] from dy [batch, outH, outW, outC] and the kernel. */
  conv2dInputGrad: (dx: Storage, dy: Storage, kernel: Storage, shape: Conv2dShape): void =>
    conv2dInputGrad(f32(dx), f32(dy), f32(kernel), shape),
  /**
   * The kernel's gradient im2col(x)ᵀ · dy in `splits` partial sums over consecutive slices of the
   * output pixels: out [splits, 9*inC, outC] (sum them with sumRows).
   */
  conv2dKernelGrad: (out: Storage, x: Storage, dy: Storage, shape: Conv2dShape, splits: number): void =>
    conv2dKernelGrad(f32(out), f32(x), f32(dy), shape, splits),
  /** y [batch, height/2, width/2, C] and, per output, the flat index into x of its maximum (u32). */
  maxPool: (y: Storage, argmax: Storage, x: Storage, shape: PoolShape): void =>
    maxPool(f32(y), u32(argmax), f32(x), shape),
  /** dx [batch, height, width, C]: dy at each window's argmax, zero elsewhere. */
  maxPoolBackward: (dx: Storage, dy: Storage, argmax: Storage, shape: PoolShape): void =>
    maxPoolBackward(f32(dx), f32(dy), u32(argmax), shape),
  ...cpuBatchNormKernels,
} satisfies Kernels;
