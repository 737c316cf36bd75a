// How much ink a 28x28 digit carries, and how it sits in the field: the figures the drawn digits
// are compared with MNIST's on (docs/handwriting.md). Each takes 784 intensities in [0, 1]
// (MNIST's bytes / 255, or a preprocessed drawing) and measures them the same way.

const SIDE = 28;
/** A pixel counts as inked when it would be a non-zero byte. */
const INKED = 0.5 / 255;
/** The stroke's body, for its skeleton: at least half ink. */
const BODY = 0.5;

export interface InkStatistics {
  /** Total ink, in fully inked pixels. */
  ink: number;
  /** Pixels with any ink. */
  inkedPixels: number;
  /** Mean intensity of the inked pixels (0..1). */
  inkedMean: number;
  /** Ink over the skeleton's length: the stroke's mean width, in pixels. */
  strokeWidth: number;
  /** The inked pixels' bounding box. */
  boxWidth: number;
  boxHeight: number;
  /** The intensity centre of mass, measuring pixel x as covering [x, x+1): (14, 14) is the field's middle. */
  centreX: number;
  centreY: number;
}

export const STATISTIC_NAMES = [
  'ink',
  'inkedPixels',
  'inkedMean',
  'strokeWidth',
  'boxWidth',
  'boxHeight',
  'centreX',
  'centreY',
] as const satisfies readonly (keyof InkStatistics)[];

export function inkStatistics(image: ArrayLike<number>): InkStatistics {
  if (image.length !== SIDE * SIDE) throw new RangeError(`inkStatistics: ${image.length} values, not 784`);
  let [ink, inkedPixels, massX, massY] = [0, 0, 0, 0];
  let [left, top, right, bottom] = [SIDE, SIDE, -1, -1];
  for (let i = 0; i < image.length; i++) {
    const v = image[i];
    if (v < INKED) continue;
    const [x, y] = [i % SIDE, Math.floor(i / SIDE)];
    ink += v;
    inkedPixels++;
    massX += v * (x + 0.5);
    massY += v * (y + 0.5);
    [left, right, top, bottom] = [
      Math.min(left, x),
      Math.max(right, x),
      Math.min(top, y),
      Math.max(bottom, y),
    ];
  }
  const skeleton = skeletonLength(image);
  return {
    ink,
    inkedPixels,
    inkedMean: inkedPixels === 0 ? 0 : ink / inkedPixels,
    strokeWidth: skeleton === 0 ? 0 : ink / skeleton,
    boxWidth: Math.max(0, right - left + 1),
    boxHeight: Math.max(0, bottom - top + 1),
    centreX: ink === 0 ? SIDE / 2 : massX / ink,
    centreY: ink === 0 ? SIDE / 2 : massY / ink,
  };
}

/**
 * The length of the stroke's centre line: the pixels left when the body (pixels at least half
 * inked) is thinned to one pixel wide by Zhang and Suen's algorithm ("A fast parallel algorithm for
 * thinning digital patterns", CACM 27(3), 1984), a diagonal step counting √2 and a straight one 1.
 */
export function skeletonLength(image: ArrayLike<number>): number {
  const on = new Uint8Array(PADDED * PADDED);
  for (let i = 0; i < SIDE * SIDE; i++) if (image[i] >= BODY) on[padded(i)] = 1;
  thin(on);
  let [count, length] = [0, 0];
  for (let i = 0; i < SIDE * SIDE; i++) {
    const at = padded(i);
    if (!on[at]) continue;
    count++;
    // Each link counted once: to the right, below, and the two diagonals below, a diagonal only
    // where no straight path joins the two pixels already.
    const [right, below] = [on[at + 1], on[at + PADDED]];
    length += right + below;
    if (on[at + PADDED + 1] && !right && !below) length += Math.SQRT2;
    if (on[at + PADDED - 1] && !on[at - 1] && !below) length += Math.SQRT2;
  }
  // A lone dot is a stroke one pixel long.
  return count > 0 && length === 0 ? 1 : length;
}

/** The mask is kept with a one-pixel empty border, so that neighbours never need bounds checks. */
const PADDED = SIDE + 2;
const padded = (i: number) => (Math.floor(i / SIDE) + 1) * PADDED + (i % SIDE) + 1;
/** P2..P9 of Zhang and Suen, clockwise from north, as offsets in the padded mask. */
const NEIGHBOURS = [-PADDED, -PADDED + 1, 1, PADDED + 1, PADDED, PADDED - 1, -1, -PADDED - 1];

/** Zhang-Suen thinning of a padded 0/1 mask, in place. */
function thin(on: Uint8Array): void {
  const remove: number[] = [];
  for (let changed = true; changed; ) {
    changed = false;
    for (const pass of [0, 1]) {
      remove.length = 0;
      for (let at = PADDED; at < on.length - PADDED; at++) {
        if (!on[at]) continue;
        const p = NEIGHBOURS.map((offset) => on[at + offset]);
        const neighbours = p[0] + p[1] + p[2] + p[3] + p[4] + p[5] + p[6] + p[7];
        if (neighbours < 2 || neighbours > 6) continue;
        let transitions = 0;
        for (let k = 0; k < 8; k++) if (p[k] === 0 && p[(k + 1) % 8] === 1) transitions++;
        if (transitions !== 1) continue;
        const [n, e, s, w] = [p[0], p[2], p[4], p[6]];
        if (pass === 0 ? n * e * s === 0 && e * s * w === 0 : n * e * w === 0 && n * s * w === 0)
          remove.push(at);
      }
      for (const at of remove) on[at] = 0;
      if (remove.length > 0) changed = true;
    }
  }
}

export interface Spread {
  p10: number;
  median: number;
  p90: number;
  mean: number;
}

/** The 10th percentile, median, 90th percentile and mean of some values. */
export function spread(values: readonly number[]): Spread {
  if (values.length === 0) throw new RangeError('spread: no values');
  const sorted = [...values].sort((a, b) => a - b);
  const quantile = (q: number) => {
    const at = q * (sorted.length - 1);
    const [below, above] = [Math.floor(at), Math.ceil(at)];
    return sorted[below] + (sorted[above] - sorted[below]) * (at - below);
  };
  const mean = sorted.reduce((sum, v) => sum + v, 0) / sorted.length;
  return { p10: quantile(0.1), median: quantile(0.5), p90: quantile(0.9), mean };
}

/** Each statistic's spread per class 0..classes-1, over images given with their labels. */
export function statisticsByClass(
  images: Iterable<{ label: number; image: ArrayLike<number> }>,
  classes = 10,
): Record<keyof InkStatistics, Spread>[] {
  const values = Array.from({ length: classes }, () =>
    Object.fromEntries(STATISTIC_NAMES.map((name) => [name, [] as number[]])),
  );
  for (const { label, image } of images) {
    const stats = inkStatistics(image);
    for (const name of STATISTIC_NAMES) values[label][name].push(stats[name]);
  }
  return values.map(
    (byName) =>
      Object.fromEntries(STATISTIC_NAMES.map((name) => [name, spread(byName[name])])) as Record<
        keyof InkStatistics,
        Spread
      >,
  );
}
