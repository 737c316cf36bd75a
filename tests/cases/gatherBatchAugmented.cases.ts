// Augmented batches shared by the CPU and GPU tests: batch 1, odd batch sizes, the last partial
// batch, non-square and one-pixel images, the real 128 x 784 batch, hash inputs at the ends of u32,
// and ranges from none to well past the defaults (the transform's formulas hold for any).
import { type AugmentRanges, DEFAULT_AUGMENT, NO_AUGMENT } from '../../src/backend/augmentation';
import { type FakeDataset, fakeDataset } from './gatherBatch.cases';

export interface GatherBatchAugmentedCase {
  name: string;
  images: number;
  width: number;
  height: number;
  offset: number;
  rows: number;
  seed: number;
  step: number;
  ranges: AugmentRanges;
}

const WIDE: AugmentRanges = { shift: 5, rotation: (30 * Math.PI) / 180, scale: 0.4 };

export const gatherBatchAugmentedCases: GatherBatchAugmentedCase[] = [
  {
    name: 'batch of 1',
    images: 9,
    width: 28,
    height: 28,
    offset: 4,
    rows: 1,
    seed: 1,
    step: 0,
    ranges: DEFAULT_AUGMENT,
  },
  {
    name: 'odd batch, odd offset',
    images: 40,
    width: 28,
    height: 28,
    offset: 7,
    rows: 13,
    seed: 3,
    step: 17,
    ranges: DEFAULT_AUGMENT,
  },
  {
    name: 'last partial batch',
    images: 300,
    width: 28,
    height: 28,
    offset: 256,
    rows: 44,
    seed: 1,
    step: 468,
    ranges: DEFAULT_AUGMENT,
  },
  {
    name: 'real batch 128 x 784',
    images: 300,
    width: 28,
    height: 28,
    offset: 61,
    rows: 128,
    seed: 1,
    step: 2345,
    ranges: DEFAULT_AUGMENT,
  },
  {
    name: 'non-square 7 x 5 images',
    images: 37,
    width: 7,
    height: 5,
    offset: 3,
    rows: 11,
    seed: 9,
    step: 2,
    ranges: WIDE,
  },
  {
    name: 'one pixel per image',
    images: 37,
    width: 1,
    height: 1,
    offset: 5,
    rows: 17,
    seed: 2,
    step: 5,
    ranges: WIDE,
  },
  {
    name: 'seed and step at the top of u32',
    images: 37,
    width: 13,
    height: 13,
    offset: 0,
    rows: 37,
    seed: 0xffffffff,
    step: 0xffffffff,
    ranges: WIDE,
  },
  {
    name: 'wide ranges on 28 x 28',
    images: 50,
    width: 28,
    height: 28,
    offset: 10,
    rows: 33,
    seed: 12345,
    step: 99,
    ranges: WIDE,
  },
  {
    name: 'no augmentation',
    images: 50,
    width: 28,
    height: 28,
    offset: 1,
    rows: 31,
    seed: 5,
    step: 3,
    ranges: NO_AUGMENT,
  },
];

/** The case's bytes, labels and order (as the plain gather's cases make them). */
export function augmentedDataset(c: GatherBatchAugmentedCase, seed = 1): FakeDataset {
  const pixelsPerImage = c.width * c.height;
  return fakeDataset(
    { name: c.name, images: c.images, pixelsPerImage, offset: c.offset, rows: c.rows, atol: 0, rtol: 0 },
    seed,
  );
}
