// Shapes for maxPool and its backward, shared by the CPU test, and the driver, run on every backend
// by the GPU test and gpu:check: the ConvNet's pools, odd sizes that drop a row and a column, and an
// image too small to pool. Values on a coarse grid, so windows hold ties and the tie rule is
// exercised too.
import type { Backend } from '../../src/backend/backend';
import { EXACT, type KernelCheck, type KernelSuite, type Outputs, runKernel } from './kernelSuite';
import { randomArray } from './random';

export interface PoolCase {
  name: string;
  batch: number;
  height: number;
  width: number;
  channels: number;
}

export const maxPoolCases: PoolCase[] = [
  { name: 'one window', batch: 1, height: 2, width: 2, channels: 1 },
  { name: 'odd sizes drop the last row and column', batch: 3, height: 7, width: 5, channels: 3 },
  { name: 'convnet pool 1', batch: 2, height: 26, width: 26, channels: 32 },
  { name: 'convnet pool 2', batch: 3, height: 11, width: 11, channels: 64 },
  { name: 'a 1-pixel image pools to nothing', batch: 2, height: 1, width: 3, channels: 2 },
];

/** maxPool, then maxPoolBackward on its argmax: y, argmax (u32) and dx, all poisoned first. */
export function run(b: Backend, c: PoolCase): Promise<Outputs> {
  const inSize = c.batch * c.height * c.width * c.channels;
  const outSize = c.batch * Math.floor(c.height / 2) * Math.floor(c.width / 2) * c.channels;
  const x = randomArray(inSize, c.height * 3 + c.channels).map((v) => Math.round(v * 4));
  const dy = randomArray(outSize, 99, 1, 2);
  return runKernel(
    b,
    [x, dy],
    [outSize, outSize, inSize],
    ([y, argmax, dx], [sx, sdy]) => {
      b.maxPool(y, argmax, sx, c);
      b.maxPoolBackward(dx, sdy, argmax, c);
    },
    [false, true, false],
  );
}

const check = (c: PoolCase, name: string): KernelCheck => ({
  kernel: 'maxPool + maxPoolBackward',
  name,
  run: (b) => run(b, c),
  tolerances: [EXACT, EXACT, EXACT],
});

export const suite: KernelSuite = {
  kernels: ['maxPool', 'maxPoolBackward'],
  checks: () =>
    maxPoolCases.map((c) => check(c, `${c.name} [${c.batch},${c.height},${c.width},${c.channels}]`)),
  stress: (scale) => {
    const batch = Math.ceil(64 / scale);
    return [
      check(
        { name: 'stress', batch, height: 26, width: 26, channels: 32 },
        `stress: ConvNet pool 1, batch ${batch}`,
      ),
    ];
  },
};
