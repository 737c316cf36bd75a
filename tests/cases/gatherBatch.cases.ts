// Batches gathered from a fake uint8 data set, shared by the CPU and GPU tests: offsets that are
// not multiples of anything, the last image, one pixel per image (every byte of a packed word in
// use), and the real 128 x 784 and 96 x 784 batches.
export interface GatherBatchCase {
  name: string;
  images: number;
  pixelsPerImage: number;
  offset: number;
  rows: number;
  /** For x; labels must match exactly. */
  atol: number;
  rtol: number;
}

// WGSL's division is accurate to 2.5 ULP; the reference rounds pixel / 255 once from float64.
const tol = { atol: 0, rtol: 3e-7 };

export const gatherBatchCases: GatherBatchCase[] = [
  { name: 'first rows', images: 37, pixelsPerImage: 13, offset: 0, rows: 5, ...tol },
  { name: 'odd offset', images: 37, pixelsPerImage: 13, offset: 7, rows: 11, ...tol },
  { name: 'up to the last image', images: 37, pixelsPerImage: 13, offset: 29, rows: 8, ...tol },
  { name: 'single row, last image', images: 37, pixelsPerImage: 13, offset: 36, rows: 1, ...tol },
  { name: 'whole set in one batch', images: 37, pixelsPerImage: 13, offset: 0, rows: 37, ...tol },
  { name: 'one pixel per image', images: 37, pixelsPerImage: 1, offset: 3, rows: 17, ...tol },
  { name: 'a word per image (quads path)', images: 37, pixelsPerImage: 4, offset: 5, rows: 9, ...tol },
  { name: 'real batch 128 x 784', images: 300, pixelsPerImage: 784, offset: 61, rows: 128, ...tol },
  { name: 'last batch of 96 x 784', images: 300, pixelsPerImage: 784, offset: 204, rows: 96, ...tol },
];

export interface FakeDataset {
  /** images x pixelsPerImage bytes, including 0 and 255. */
  pixels: Uint8Array;
  /** One byte per image, all 256 values possible (MNIST uses 0..9). */
  labels: Uint8Array;
  /** A shuffled permutation of 0 .. images - 1. */
  order: Uint32Array;
}

/** Deterministic bytes and permutation for a case (an integer hash, so failures reproduce). */
export function fakeDataset(c: GatherBatchCase, seed = 1): FakeDataset {
  const hash = (i: number) => {
    let h = Math.imul(i + seed * 0x9e3779b9, 0x85ebca6b) >>> 0;
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
    return (h ^ (h >>> 16)) >>> 0;
  };
  const pixels = new Uint8Array(c.images * c.pixelsPerImage);
  for (let i = 0; i < pixels.length; i++) pixels[i] = hash(i) & 0xff;
  pixels[0] = 0;
  pixels[pixels.length - 1] = 255;
  const labels = new Uint8Array(c.images);
  for (let i = 0; i < labels.length; i++) labels[i] = hash(i + pixels.length) >>> 24;
  const order = new Uint32Array(c.images);
  for (let i = 0; i < order.length; i++) order[i] = i;
  for (let i = order.length - 1; i > 0; i--) {
    const j = hash(i + 2 * pixels.length) % (i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return { pixels, labels, order };
}
