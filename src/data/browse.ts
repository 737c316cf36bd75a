// One page of a dataset's images for the Training data panel: all of them, or those of one digit,
// in the dataset's own order.
import type { LabelledImages } from './idx';

/** Images per page: three rows of eight at the panel's width. */
export const BROWSE_PAGE = 24;

export interface BrowsedImages {
  /** Images that match (of this digit, or all); pages are counted from 0. */
  total: number;
  page: number;
  /** Their positions in the dataset, labels and pixels (count x rows x cols bytes). */
  indices: Uint32Array;
  labels: Uint8Array;
  pixels: Uint8Array;
}

/** Page `page` (clamped to the last) of the images labelled `digit`, or of all images when null. */
export function browseImages(
  images: LabelledImages,
  digit: number | null,
  page: number,
  perPage = BROWSE_PAGE,
): BrowsedImages {
  const size = images.rows * images.cols;
  let total = images.count;
  if (digit !== null) {
    total = 0;
    for (let i = 0; i < images.count; i++) if (images.labels[i] === digit) total++;
  }
  const pages = Math.max(1, Math.ceil(total / perPage));
  const shown = Math.min(Math.max(0, Math.floor(page)), pages - 1);
  const first = shown * perPage;
  const indices: number[] = [];
  for (let i = 0, seen = 0; i < images.count && indices.length < perPage; i++) {
    if (digit !== null && images.labels[i] !== digit) continue;
    if (seen++ >= first) indices.push(i);
  }
  const pixels = new Uint8Array(indices.length * size);
  indices.forEach((index, k) => {
    pixels.set(images.pixels.subarray(index * size, (index + 1) * size), k * size);
  });
  return {
    total,
    page: shown,
    indices: Uint32Array.from(indices),
    labels: Uint8Array.from(indices, (i) => images.labels[i]),
    pixels,
  };
}
