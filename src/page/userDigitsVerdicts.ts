// The user's test digits as a second source for the confusion matrix and its galleries, beside
// MNIST's test set: from each digit's label and how the model answering the pad read it (with its
// probabilities, when the worker sent them), the matrix and the images behind a cell or every
// mistake, most confident first, as the worker's galleries order MNIST's (worker/gallery.ts).
import { CLASSES, PIXELS } from '../data/mnist';
import type { GalleryItem, GalleryQuery } from '../protocol/protocol';
import { confusionFromPredictions } from './confusionStats';

/** The digits read: each one's label and pixels, and what the model made of them. */
export interface DigitVerdicts {
  labels: Uint8Array;
  /** count x 784 bytes. */
  pixels: Uint8Array;
  predicted: Uint8Array;
  /** [count, CLASSES], or null when only the digits read are known. */
  probabilities: Float32Array | null;
}

/** What the gallery view shows (the shape of the worker's 'gallery' answer). */
export interface VerdictGallery {
  query: GalleryQuery;
  total: number;
  items: GalleryItem[];
  pixels: Uint8Array;
}

const TOP = 3;
/** The worker's mark for a digit it could not read (its outputs were not numbers). */
const NO_READING = 255;

/**
 * The test digits and their readings, in the same order; null when they do not match or none was
 * read. A digit the model could not read (broken weights) is left out: it has no cell.
 */
export function digitVerdicts(
  digits: readonly { label: number; pixels: Uint8Array }[],
  predicted: Uint8Array,
  probabilities: Float32Array | null,
): DigitVerdicts | null {
  if (predicted.length !== digits.length) return null;
  if (probabilities && probabilities.length !== digits.length * CLASSES) probabilities = null;
  const kept = digits.flatMap((_, i) => (predicted[i] === NO_READING ? [] : [i]));
  if (kept.length === 0) return null;
  const pixels = new Uint8Array(kept.length * PIXELS);
  for (const [k, i] of kept.entries()) pixels.set(digits[i].pixels, k * PIXELS);
  const rows = probabilities && new Float32Array(kept.length * CLASSES);
  if (rows && probabilities)
    for (const [k, i] of kept.entries())
      rows.set(probabilities.subarray(i * CLASSES, (i + 1) * CLASSES), k * CLASSES);
  return {
    labels: Uint8Array.from(kept, (i) => digits[i].label),
    pixels,
    predicted: Uint8Array.from(kept, (i) => predicted[i]),
    probabilities: rows,
  };
}

/** Their confusion matrix, as the worker sends MNIST's (epoch null: not tied to an epoch). */
export function verdictsConfusion(v: DigitVerdicts): { epoch: null; classes: number; matrix: Uint32Array } {
  return { epoch: null, classes: CLASSES, matrix: confusionFromPredictions(v.labels, v.predicted, CLASSES) };
}

function confidence(v: DigitVerdicts, i: number): number {
  return v.probabilities ? v.probabilities[i * CLASSES + v.predicted[i]] : Number.NaN;
}

function top(v: DigitVerdicts, i: number): GalleryItem['top'] {
  if (!v.probabilities) return [{ digit: v.predicted[i], probability: Number.NaN }];
  const row = v.probabilities.subarray(i * CLASSES, (i + 1) * CLASSES);
  return Array.from(row, (probability, digit) => ({ digit, probability }))
    .sort((a, b) => b.probability - a.probability || a.digit - b.digit)
    .slice(0, TOP);
}

/** The digits a query selects, most confident first, with their pixels. */
export function verdictsGallery(v: DigitVerdicts, query: GalleryQuery): VerdictGallery {
  const chosen: number[] = [];
  for (let i = 0; i < v.labels.length; i++) {
    const hit =
      query.kind === 'mistakes'
        ? v.predicted[i] !== v.labels[i]
        : v.labels[i] === query.label && v.predicted[i] === query.predicted;
    if (hit) chosen.push(i);
  }
  chosen.sort((a, b) => (confidence(v, b) || 0) - (confidence(v, a) || 0) || a - b);
  const pixels = new Uint8Array(chosen.length * PIXELS);
  for (const [k, index] of chosen.entries())
    pixels.set(v.pixels.subarray(index * PIXELS, (index + 1) * PIXELS), k * PIXELS);
  const items = chosen.map((index) => ({
    index,
    label: v.labels[index],
    predicted: v.predicted[index],
    top: top(v, index),
  }));
  return { query, total: chosen.length, items, pixels };
}
