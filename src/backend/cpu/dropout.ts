// Reference for shaders/dropout.wgsl: Keras's inverted dropout with a mask hashed from
// (seed, step, salt, index), written as the shader computes (u32 hashing, one f32 product).
import type { DropoutMask } from '../backend';
import { dropoutScale, dropoutThreshold } from '../dropoutMask';
import { pcgHash } from './gatherBatchAugmented';

/** The hash key of one (seed, step, salt): the mask of a layer at a step. */
export function dropoutKey(mask: DropoutMask): number {
  return pcgHash((pcgHash((pcgHash(mask.seed >>> 0) ^ mask.step) >>> 0) ^ mask.salt) >>> 0);
}

/** out[i] = x[i] · scale where unit i is kept, else 0. Run on dy it is the backward pass. */
export function dropout(out: Float32Array, x: Float32Array, length: number, mask: DropoutMask): void {
  const key = dropoutKey(mask);
  const threshold = dropoutThreshold(mask.rate);
  const scale = dropoutScale(mask.rate);
  for (let i = 0; i < length; i++)
    out[i] = pcgHash((key + i) >>> 0) >= threshold ? Math.fround(x[i] * scale) : 0;
}
