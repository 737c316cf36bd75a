// Keras's BatchNormalization as kernels see it: the activations are a matrix [rows, channels]
// (rows = batch for a Dense layer's output, batch × height × width for a Conv2D's, NHWC), each
// channel normalised over its rows. Statistics live in one storage per kind, the means at word 0
// and the variances at word statsStride(channels), so each half is a view (its offset a multiple
// of VIEW_ALIGN) and the model's weights list keeps Keras's moving_mean and moving_variance.
import type { Storage } from './storage';

/** Words a view's offset is a multiple of (backend.ts's VIEW_ALIGN, repeated to avoid a cycle). */
const ALIGN = 64;

/** Keras's defaults: moving = momentum · moving + (1 − momentum) · batch; x̂ = (x − μ)/√(σ² + ε). */
export const BATCH_NORM_MOMENTUM = 0.99;
export const BATCH_NORM_EPSILON = 1e-3;

export interface BatchNormShape {
  /** Values per channel: the batch, times height × width for an image. */
  rows: number;
  channels: number;
  momentum: number;
  epsilon: number;
}

/** Where the variances start in a statistics storage: the channels rounded up to a view's alignment. */
export function statsStride(channels: number): number {
  return Math.ceil(channels / ALIGN) * ALIGN;
}

/** Words of a statistics storage (means, padding, variances). */
export function statsLength(channels: number): number {
  return statsStride(channels) + channels;
}

/** The four kernels of a BatchNormalization layer: two in its forward pass, two in its backward. */
export interface BatchNormKernels {
  /**
   * The batch's mean and biased variance per channel into `stats`, and the moving statistics
   * updated in place from them (Keras's training step).
   */
  batchNormStats(stats: Storage, moving: Storage, x: Storage, shape: BatchNormShape): void;
  /** y = γ · (x − μ)/√(σ² + ε) + β, with μ, σ² from `stats` (the batch's or the moving ones). */
  batchNormApply(
    y: Storage,
    x: Storage,
    stats: Storage,
    gamma: Storage,
    beta: Storage,
    shape: BatchNormShape,
  ): void;
  /** dγ = Σ dy · x̂ and dβ = Σ dy per channel, over the rows. */
  batchNormReduce(
    dgamma: Storage,
    dbeta: Storage,
    dy: Storage,
    x: Storage,
    stats: Storage,
    shape: BatchNormShape,
  ): void;
  /**
   * dx. With `sums` (dγ, dβ: the batch's statistics were used) the full gradient through μ and σ²,
   * γ/(N·√(σ² + ε)) · (N·dy − dβ − x̂·dγ); without (the moving ones, constants) γ/√(σ² + ε) · dy.
   * `reluMask`: x is a ReLU's output, whose backward rides here: dx = 0 where x ≤ 0 (one dispatch less).
   */
  batchNormInputGrad(
    dx: Storage,
    dy: Storage,
    x: Storage,
    stats: Storage,
    gamma: Storage,
    sums: { dgamma: Storage; dbeta: Storage } | null,
    shape: BatchNormShape,
    reluMask: boolean,
  ): void;
}
