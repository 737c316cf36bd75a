// Shapes for conv2d and its two gradients, shared by the CPU and GPU tests: the ConvNet's layers
// and the awkward ones (odd sizes, one input channel, channel counts that are not multiples of the
// 8x8 block or of 64, a 3x3 image with a single output pixel, batches of 1 and 3).
import type { Conv2dShape } from '../../src/backend/backend';

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
