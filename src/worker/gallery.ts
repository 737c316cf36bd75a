// Picks the test images a gallery shows, from the last evaluation's verdicts. Pure, so it is tested
// on its own; the trainer adds the pixels.
import type { GalleryItem, GalleryQuery } from '../protocol/protocol';

/** Each test image's verdict from the last evaluation. */
export interface Verdicts {
  classes: number;
  labels: ArrayLike<number>;
  predicted: ArrayLike<number>;
  /** [count, classes]. */
  probabilities: Float32Array;
}

const TOP = 3;

function top(v: Verdicts, index: number): GalleryItem['top'] {
  const row = v.probabilities.subarray(index * v.classes, (index + 1) * v.classes);
  return Array.from(row, (probability, digit) => ({ digit, probability }))
    .sort((a, b) => b.probability - a.probability || a.digit - b.digit)
    .slice(0, TOP);
}

function matches(v: Verdicts, query: GalleryQuery, i: number): boolean {
  if (query.kind === 'mistakes') return v.predicted[i] !== v.labels[i];
  return v.labels[i] === query.label && v.predicted[i] === query.predicted;
}

/** The images `query` selects, most confident first (the predicted class's probability), at most `limit`. */
export function selectGallery(
  v: Verdicts,
  query: GalleryQuery,
  limit: number,
): { total: number; items: GalleryItem[] } {
  const chosen: number[] = [];
  for (let i = 0; i < v.labels.length; i++) if (matches(v, query, i)) chosen.push(i);
  const confidence = (i: number) => v.probabilities[i * v.classes + v.predicted[i]];
  chosen.sort((a, b) => confidence(b) - confidence(a) || a - b);
  const items = chosen.slice(0, limit).map((index) => ({
    index,
    label: v.labels[index],
    predicted: v.predicted[index],
    top: top(v, index),
  }));
  return { total: chosen.length, items };
}
