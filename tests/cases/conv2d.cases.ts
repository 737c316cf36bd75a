// Shapes for conv2d and its two gradients, shared by the CPU and GPU tests: the ConvNet's layers
// and the awkward ones (odd sizes, one input channel, channel counts that are not multiples of the
// 8x8 block or of 64, a 3x3 image with a single output pixel, batches of 1 and 3). With the driver,
// run on every backend by the GPU test and gpu:check.
import type { Backend, Conv2dShape, KernelId } from '../../src/backend/backend';
import type { KernelCheck, KernelSuite, Outputs } from './kernelSuite';
import { runKernel } from './kernelSuite';
import { randomArray } from './random';

export interface Conv2dCase extends Conv2dShape {
  name: string;
  /** Partial sums for the kernel gradient. */
  splits: number;
}

export const conv2dCases: Conv2dCase[] = [
  { name: 'one output pixel', batch: 1, height: 3, width: 3, inChannels: 1, outChannels: 1, splits: 1 },
  { name: 'odd sizes, Cin 1', batch: 3, height: 9, width: 7, inChannels: 1, outChannels: 5, splits: 2 },
  {
    name: 'Cout not a block multiple',
    batch: 1,
    height: 6,
    width: 11,
    inChannels: 3,
    outChannels: 13,
    splits: 3,
  },
  {
    name: 'more splits than pixels',
    batch: 1,
    height: 4,
    width: 3,
    inChannels: 2,
    outChannels: 3,
    splits: 5,
  },
  {
    name: 'wide channels, past one tile',
    batch: 3,
    height: 5,
    width: 5,
    inChannels: 11,
    outChannels: 70,
    splits: 4,
  },
  {
    name: 'convnet layer 1 (small batch)',
    batch: 2,
    height: 28,
    width: 28,
    inChannels: 1,
    outChannels: 32,
    splits: 7,
  },
  { name: 'convnet layer 2', batch: 3, height: 13, width: 13, inChannels: 32, outChannels: 64, splits: 6 },
  { name: 'convnet layer 3', batch: 3, height: 5, width: 5, inChannels: 64, outChannels: 64, splits: 1 },
];

type ConvKernel = Extract<KernelId, 'conv2d' | 'conv2dInputGrad' | 'conv2dKernelGrad'>;

/** Sizes of x, y (and dy) and the kernel for a shape. */
function sizes(c: Conv2dShape) {
  const pixels = c.batch * (c.height - 2) * (c.width - 2);
  return {
    pixels,
    x: c.batch * c.height * c.width * c.inChannels,
    y: pixels * c.outChannels,
    w: 9 * c.inChannels * c.outChannels,
  };
}

/** One of the three kernels from these inputs, into a NaN-poisoned output (every element must be written). */
export function run(
  b: Backend,
  c: Conv2dCase & { kernel: ConvKernel; inputs: Float32Array[] },
): Promise<Outputs> {
  const n = sizes(c);
  if (c.kernel === 'conv2d') return runKernel(b, c.inputs, [n.y], ([y], [x, w]) => b.conv2d(y, x, w, c));
  if (c.kernel === 'conv2dInputGrad')
    return runKernel(b, c.inputs, [n.x], ([dx], [dy, w]) => b.conv2dInputGrad(dx, dy, w, c));
  return runKernel(b, c.inputs, [c.splits * n.w], ([out], [x, dy]) =>
    b.conv2dKernelGrad(out, x, dy, c, c.splits),
  );
}

/** The three kernels on one shape, from the same random inputs on every backend; f32 error grows like sqrt(k). */
function checks(c: Conv2dCase, label: string): KernelCheck[] {
  const n = sizes(c);
  const seed = c.height * 7 + c.outChannels;
  const random = (lengths: number[]) => lengths.map((length, i) => randomArray(length, seed + 31 * i));
  const jobs: [ConvKernel, string, number[], number][] = [
    ['conv2d', 'forward', [n.x, n.w], 9 * c.inChannels],
    ['conv2dInputGrad', 'input gradient', [n.y, n.w], 9 * c.outChannels],
    [
      'conv2dKernelGrad',
      `kernel gradient in ${c.splits} partial sums`,
      [n.x, n.y],
      Math.ceil(n.pixels / c.splits),
    ],
  ];
  return jobs.map(([kernel, what, lengths, k]) => {
    const inputs = random(lengths);
    return {
      kernel,
      name: `${what}: ${label}`,
      run: (b) => run(b, { ...c, kernel, inputs }),
      tolerances: [{ atol: 4e-5 * Math.sqrt(k), rtol: 1e-4 }],
    };
  });
}

export const suite: KernelSuite = {
  kernels: ['conv2d', 'conv2dInputGrad', 'conv2dKernelGrad'],
  checks: () =>
    conv2dCases.flatMap((c) =>
      checks(c, `${c.name} [${c.batch},${c.height},${c.width},${c.inChannels}] -> ${c.outChannels}`),
    ),
  stress: (scale) => {
    const batch = Math.ceil(64 / scale);
    const layer2 = {
      name: 'stress',
      batch,
      height: 13,
      width: 13,
      inChannels: 32,
      outChannels: 64,
      splits: 8,
    };
    return checks(layer2, `stress: ConvNet layer 2, batch ${batch}`);
  },
};
