// Data augmentation in the batch gather: each image is shifted, rotated and scaled by an affine
// transform drawn from a counter-based hash of (seed, step, row), so a batch is a pure function of
// the run's seed and the step: reproducible, resumable, and with no augmented copy of the data.
// The transform is computed identically by shaders/gatherBatchAugmented.wgsl and its reference,
// cpu/gatherBatchAugmented.ts.

/** How far each image may move: the transform's parameters are uniform in ±these. */
export interface AugmentRanges {
  /** Pixels, in x and in y independently. */
  shift: number;
  /** Radians. */
  rotation: number;
  /** A fraction: 0.1 scales by 0.9 to 1.1. */
  scale: number;
}

/** ±2 px, ±10°, ±10%: a person's digit is rarely centred, upright or sized as MNIST's are. */
export const DEFAULT_AUGMENT: AugmentRanges = { shift: 2, rotation: (10 * Math.PI) / 180, scale: 0.1 };

/** No movement at all: the augmented gather then equals the plain one. */
export const NO_AUGMENT: AugmentRanges = { shift: 0, rotation: 0, scale: 0 };
