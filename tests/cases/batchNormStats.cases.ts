// Shapes for BatchNormalization's four kernels (batchNormStats, batchNormApply, batchNormReduce,
// batchNormInputGrad), each checked on its own inputs against the reference, run on every backend by
// the GPU test and gpu:check. rows × channels: a Dense output is [batch, units], a Conv2D's
// [batch·height·width, filters] (NHWC). The GPU sums in f32, the reference in float64: tolerances.
import type { Backend } from '../../src/backend/backend';
import {
  BATCH_NORM_EPSILON,
  BATCH_NORM_MOMENTUM,
  type BatchNormShape,
  statsLength,
  statsStride,
} from '../../src/backend/batchNorm';
import { type KernelCheck, type KernelSuite, type Outputs, runKernel, upload } from './kernelSuite';
import { randomArray } from './random';

export interface BatchNormCase {
  name: string;
  rows: number;
  channels: number;
  /** Added to every x: a mean far from 0, where a one-pass variance would lose its digits. */
  offset?: number;
}

export const batchNormCases: BatchNormCase[] = [
  { name: 'batch 1, one unit', rows: 1, channels: 1 },
  { name: 'batch 1, Dense(10)', rows: 1, channels: 10 },
  { name: 'two rows', rows: 2, channels: 3 },
  { name: 'nothing divides 64', rows: 67, channels: 131 },
  { name: 'Dense(512), batch 128', rows: 128, channels: 512 },
  { name: 'conv, 1 channel, batch 2 of 26x26', rows: 2 * 26 * 26, channels: 1 },
  { name: 'conv, 3 channels, batch 3 of 5x5', rows: 3 * 5 * 5, channels: 3 },
  { name: 'conv 32 filters, batch 5 of 26x26', rows: 5 * 26 * 26, channels: 32 },
  { name: 'mean 100, spread 1', rows: 300, channels: 7, offset: 100 },
];

const shapeOf = (c: BatchNormCase): BatchNormShape => ({
  rows: c.rows,
  channels: c.channels,
  momentum: BATCH_NORM_MOMENTUM,
  epsilon: BATCH_NORM_EPSILON,
});

/** Statistics as the kernels lay them out: means, then variances (positive) at statsStride. */
export function randomStats(channels: number, seed: number): Float32Array {
  const stats = new Float32Array(statsLength(channels));
  stats.set(randomArray(channels, seed, -0.5, 0.5));
  stats.set(randomArray(channels, seed + 1, 0, 2), statsStride(channels));
  return stats;
}

/** batchNormStats: the batch statistics and the updated moving ones (read after the kernel). */
async function runStats(b: Backend, shape: BatchNormShape, x: Float32Array, moving: Float32Array) {
  const [sx, sMoving] = [upload(b, x), upload(b, moving)];
  const stats = upload(b, new Float32Array(statsLength(shape.channels)).fill(Number.NaN));
  b.batchNormStats(stats, sMoving, sx, shape);
  const out = await Promise.all([stats, sMoving].map((s) => b.read(s, statsLength(shape.channels))));
  for (const s of [sx, sMoving, stats]) b.free(s);
  // The padding between means and variances is nobody's: compare the halves only.
  const stride = statsStride(shape.channels);
  return out.map((a) => Float32Array.of(...a.subarray(0, shape.channels), ...a.subarray(stride)));
}

function checksOf(c: BatchNormCase): KernelCheck[] {
  const shape = shapeOf(c);
  const { rows, channels } = c;
  const seed = rows * 31 + channels;
  const x = randomArray(rows * channels, seed).map((v) => v + (c.offset ?? 0));
  const dy = randomArray(rows * channels, seed + 1);
  const stats = randomStats(channels, seed + 2);
  const gamma = randomArray(channels, seed + 3, 0.5, 1.5);
  const beta = randomArray(channels, seed + 4);
  const moving = randomStats(channels, seed + 5);
  const sums = [randomArray(channels, seed + 6), randomArray(channels, seed + 7)];
  const sumsAtol = 1e-6 * rows;
  const name = `${c.name} [${rows}x${channels}]`;
  const inputGrad =
    (training: boolean, mask = false) =>
    (b: Backend): Promise<Outputs> =>
      runKernel(b, [dy, x, stats, gamma, ...sums], [rows * channels], ([dx], [sdy, sx, st, g, dg, db]) =>
        b.batchNormInputGrad(dx, sdy, sx, st, g, training ? { dgamma: dg, dbeta: db } : null, shape, mask),
      );
  return [
    {
      kernel: 'batchNormStats',
      name,
      run: (b) => runStats(b, shape, x, moving),
      tolerances: [
        { atol: 1e-6, rtol: 2e-5 },
        { atol: 1e-6, rtol: 2e-5 },
      ],
    },
    {
      kernel: 'batchNormApply',
      name,
      run: (b) =>
        runKernel(b, [x, stats, gamma, beta], [rows * channels], ([y], [sx, st, g, be]) =>
          b.batchNormApply(y, sx, st, g, be, shape),
        ),
      tolerances: [{ atol: 1e-5, rtol: 1e-5 }],
    },
    {
      kernel: 'batchNormReduce',
      name,
      run: (b) =>
        runKernel(b, [dy, x, stats], [channels, channels], ([dg, db], [sdy, sx, st]) =>
          b.batchNormReduce(dg, db, sdy, sx, st, shape),
        ),
      tolerances: [
        { atol: sumsAtol, rtol: 1e-5 },
        { atol: sumsAtol, rtol: 1e-5 },
      ],
    },
    { kernel: 'batchNormInputGrad', name, run: inputGrad(true), tolerances: [{ atol: 1e-5, rtol: 1e-4 }] },
    {
      kernel: 'batchNormInputGrad',
      name: `${name}, moving statistics`,
      run: inputGrad(false),
      tolerances: [{ atol: 1e-6, rtol: 1e-5 }],
    },
    {
      kernel: 'batchNormInputGrad',
      name: `${name}, after a ReLU (0 where x <= 0)`,
      run: inputGrad(true, true),
      tolerances: [{ atol: 1e-5, rtol: 1e-4 }],
      holds: ([dx]) => (x.some((v, i) => v <= 0 && dx[i] !== 0) ? 'dx is not 0 where x <= 0' : null),
    },
  ];
}

export const suite: KernelSuite = {
  kernels: ['batchNormStats', 'batchNormApply', 'batchNormReduce', 'batchNormInputGrad'],
  checks: () => batchNormCases.flatMap(checksOf),
};
