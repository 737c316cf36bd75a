// Reference for shaders/gatherBatchAugmented.wgsl, written as the shader computes: u32 hashing,
// and float32 arithmetic (Math.fround after every operation) for the transform and the sampling.
import type { AugmentRanges } from '../augmentation';

const f = Math.fround;

/** The PCG hash (Jarzynski and Olano, "Hash Functions for GPU Rendering", JCGT 2020), on u32. */
export function pcgHash(v: number): number {
  const state = (Math.imul(v, 747796405) + 2891336453) >>> 0;
  const word = Math.imul(((state >>> ((state >>> 28) + 4)) ^ state) >>> 0, 277803737) >>> 0;
  return ((word >>> 22) ^ word) >>> 0;
}

/** A u32 as a float32 in [-1, 1): its top 24 bits, exactly. */
function signedUnit(u: number): number {
  return f(f((u >>> 8) * 2 ** -23) - 1);
}

/** Maps an output pixel to where it is sampled from in the source image. */
export interface Transform {
  cos: number;
  sin: number;
  scale: number;
  shiftX: number;
  shiftY: number;
}

/** The transform of batch row `row` at training step `step`, as the shader draws it. */
export function augmentTransform(seed: number, step: number, row: number, ranges: AugmentRanges): Transform {
  const key = pcgHash((pcgHash((pcgHash(seed >>> 0) ^ step) >>> 0) ^ row) >>> 0);
  const u = [0, 1, 2, 3].map((i) => signedUnit(pcgHash((key + i) >>> 0)));
  const angle = f(f(ranges.rotation) * u[0]);
  // sin and cos as polynomials: WGSL's built-ins have implementation-defined precision, and for
  // |angle| <= 10 degrees these are exact to float32 (the next terms are below 1e-9).
  const a2 = f(angle * angle);
  const sin = f(angle * f(1 + f(a2 * f(f(-0.16666667) + f(a2 * f(0.008333333))))));
  const cos = f(1 + f(a2 * f(-0.5 + f(a2 * f(f(0.041666668) + f(a2 * f(-0.0013888889)))))));
  return {
    cos,
    sin,
    scale: f(1 + f(f(ranges.scale) * u[1])),
    shiftX: f(f(ranges.shift) * u[2]),
    shiftY: f(f(ranges.shift) * u[3]),
  };
}

/**
 * One batch: row r is image order[offset + r] seen through its transform, sampled bilinearly with
 * zero outside the image, then / 255; labels as the plain gather.
 */
export function gatherBatchAugmented(
  out: Float32Array,
  labels: Uint32Array,
  images: Uint8Array,
  labelBytes: Uint8Array,
  order: Uint32Array,
  a: {
    offset: number;
    rows: number;
    width: number;
    height: number;
    seed: number;
    step: number;
    ranges: AugmentRanges;
  },
): void {
  const { width, height } = a;
  const pixels = width * height;
  const [centreX, centreY] = [f((width - 1) / 2), f((height - 1) / 2)];
  for (let r = 0; r < a.rows; r++) {
    const image = order[a.offset + r];
    const t = augmentTransform(a.seed, a.step, r, a.ranges);
    const ink = (ix: number, iy: number) =>
      ix >= 0 && ix < width && iy >= 0 && iy < height ? images[image * pixels + iy * width + ix] : 0;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const dx = f(f(x - centreX) - t.shiftX);
        const dy = f(f(y - centreY) - t.shiftY);
        const sx = f(f(f(f(t.cos * dx) + f(t.sin * dy)) / t.scale) + centreX);
        const sy = f(f(f(f(t.cos * dy) - f(t.sin * dx)) / t.scale) + centreY);
        const [x0, y0] = [Math.floor(sx), Math.floor(sy)];
        const [fx, fy] = [f(sx - x0), f(sy - y0)];
        const lerp = (p: number, q: number, w: number) => f(p + f(f(q - p) * w));
        const top = lerp(ink(x0, y0), ink(x0 + 1, y0), fx);
        const bottom = lerp(ink(x0, y0 + 1), ink(x0 + 1, y0 + 1), fx);
        out[r * pixels + y * width + x] = f(lerp(top, bottom, fy) / 255);
      }
    }
    labels[r] = labelBytes[image];
  }
}
