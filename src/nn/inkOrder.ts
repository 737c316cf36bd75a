// Orders in which images that share their ink fall into the same block of SPARSE_ROWS rows. The
// sparse matmul (matmulSparseA.wgsl) loops, for each block, over the pixels where any of its rows
// has ink, so the first layer does less work: MNIST's test set in its own order averages 37% of the
// 784 pixels per block of 4, grouped 28% (evaluationOrder); a shuffled training batch of 128, 39%,
// its images grouped among themselves 31% (groupedByInk, per batch: the batches keep their images).
// Sums over a batch or a data set do not depend on the order but for rounding.
import { SPARSE_ROWS } from '../backend/sparseIndex';

/** Candidates looked at for each place in a block: more groups tighter, at a cost linear in it. */
const WINDOW = 128;

/**
 * A permutation of 0 .. count-1: images sorted by how much ink they have, then, greedily, each
 * block filled with the images among the next WINDOW unplaced ones that add the fewest new pixels.
 */
export function evaluationOrder(
  pixels: Uint8Array,
  count: number,
  pixelsPerImage: number,
  blockRows = SPARSE_ROWS,
): Uint32Array {
  return groupedByInk(
    pixels,
    pixelsPerImage,
    Uint32Array.from({ length: count }, (_, i) => i),
    blockRows,
  );
}

/** The same grouping for some of the images (a training batch): `images` reordered. */
export function groupedByInk(
  pixels: Uint8Array,
  pixelsPerImage: number,
  images: Uint32Array,
  blockRows = SPARSE_ROWS,
  window = WINDOW,
): Uint32Array {
  const count = images.length;
  const words = Math.ceil(pixelsPerImage / 32);
  // Positions 0 .. count-1 stand for images[0 ..]; the result maps them back.
  const ink = new Uint32Array(count * words);
  const inked = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    const first = images[i] * pixelsPerImage;
    for (let p = 0; p < pixelsPerImage; p++) {
      if (pixels[first + p] !== 0) {
        ink[i * words + (p >> 5)] |= 1 << (p & 31);
        inked[i]++;
      }
    }
  }
  const sorted = Array.from({ length: count }, (_, i) => i).sort((a, b) => inked[a] - inked[b]);
  const placed = new Uint8Array(count);
  const order = new Uint32Array(count);
  const union = new Uint32Array(words);
  let next = 0; // order's length so far
  let firstUnplaced = 0; // in `sorted`: everything before it is placed
  for (const seed of sorted) {
    if (placed[seed]) continue;
    placed[seed] = 1;
    order[next++] = images[seed];
    union.set(ink.subarray(seed * words, seed * words + words));
    for (let inBlock = 1; inBlock < blockRows; inBlock++) {
      while (firstUnplaced < count && placed[sorted[firstUnplaced]]) firstUnplaced++;
      let best = -1;
      let fewest = Infinity;
      for (let j = firstUnplaced, seen = 0; j < count && seen < window; j++) {
        const candidate = sorted[j];
        if (placed[candidate]) continue;
        seen++;
        let added = 0;
        for (let w = 0; w < words; w++) added += bitCount(ink[candidate * words + w] & ~union[w]);
        if (added < fewest) [best, fewest] = [candidate, added];
      }
      if (best < 0) break;
      placed[best] = 1;
      order[next++] = images[best];
      for (let w = 0; w < words; w++) union[w] |= ink[best * words + w];
    }
  }
  return order;
}

function bitCount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
