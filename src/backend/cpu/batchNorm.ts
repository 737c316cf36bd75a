// Reference for shaders/batchNorm*.wgsl: Keras's BatchNormalization over x [rows, channels], each
// channel normalised over its rows. Sums in float64, each stored value rounded to f32: the GPU sums
// in f32 in another order, so tests compare within a tolerance.
import { type BatchNormShape, statsStride } from '../batchNorm';

const f = Math.fround;

/** The batch's mean and biased variance into stats; moving = momentum · moving + (1 − momentum) · batch. */
export function batchNormStats(
  stats: Float32Array,
  moving: Float32Array,
  x: Float32Array,
  { rows, channels, momentum }: BatchNormShape,
): void {
  const stride = statsStride(channels);
  for (let c = 0; c < channels; c++) {
    let sum = 0;
    for (let r = 0; r < rows; r++) sum += x[r * channels + c];
    const mean = f(sum / rows);
    let squares = 0;
    for (let r = 0; r < rows; r++) squares += (x[r * channels + c] - mean) ** 2;
    const variance = f(squares / rows);
    stats[c] = mean;
    stats[stride + c] = variance;
    moving[c] = f(moving[c] * momentum + mean * (1 - momentum));
    moving[stride + c] = f(moving[stride + c] * momentum + variance * (1 - momentum));
  }
}

function inverseStd(stats: Float32Array, stride: number, c: number, epsilon: number): number {
  return 1 / Math.sqrt(stats[stride + c] + f(epsilon));
}

/** y = γ · (x − μ)/√(σ² + ε) + β. */
export function batchNormApply(
  y: Float32Array,
  x: Float32Array,
  stats: Float32Array,
  gamma: Float32Array,
  beta: Float32Array,
  { rows, channels, epsilon }: BatchNormShape,
): void {
  const stride = statsStride(channels);
  for (let i = 0; i < rows * channels; i++) {
    const c = i % channels;
    y[i] = f((x[i] - stats[c]) * gamma[c] * inverseStd(stats, stride, c, epsilon) + beta[c]);
  }
}

/** dγ = Σ dy · x̂, dβ = Σ dy, per channel. */
export function batchNormReduce(
  dgamma: Float32Array,
  dbeta: Float32Array,
  dy: Float32Array,
  x: Float32Array,
  stats: Float32Array,
  { rows, channels, epsilon }: BatchNormShape,
): void {
  const stride = statsStride(channels);
  for (let c = 0; c < channels; c++) {
    const s = inverseStd(stats, stride, c, epsilon);
    let sumDy = 0;
    let sumDyXHat = 0;
    for (let r = 0; r < rows; r++) {
      const i = r * channels + c;
      sumDy += dy[i];
      sumDyXHat += dy[i] * (x[i] - stats[c]) * s;
    }
    dbeta[c] = f(sumDy);
    dgamma[c] = f(sumDyXHat);
  }
}

/** dx through the batch's statistics (with sums) or through constant moving ones (without); 0 where a masked x ≤ 0. */
export function batchNormInputGrad(
  dx: Float32Array,
  dy: Float32Array,
  x: Float32Array,
  stats: Float32Array,
  gamma: Float32Array,
  sums: { dgamma: Float32Array; dbeta: Float32Array } | null,
  { rows, channels, epsilon }: BatchNormShape,
  reluMask: boolean,
): void {
  const stride = statsStride(channels);
  for (let i = 0; i < rows * channels; i++) {
    const c = i % channels;
    const s = inverseStd(stats, stride, c, epsilon);
    if (reluMask && x[i] <= 0) {
      dx[i] = 0;
    } else if (!sums) {
      dx[i] = f(gamma[c] * s * dy[i]);
    } else {
      const xHat = (x[i] - stats[c]) * s;
      dx[i] = f(((gamma[c] * s) / rows) * (rows * dy[i] - sums.dbeta[c] - xHat * sums.dgamma[c]));
    }
  }
}
