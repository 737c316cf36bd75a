// The images a run on "my digits too" trains on: MNIST's (or the first of them) with the user's
// training digits after them, on the device as one dataset, and how fit() mixes them (mixedOrder.ts).
import type { Backend } from '../backend/backend';
import { DeviceDataset } from './dataset';
import { extraRowsPerBatch, type Mix } from './mixedOrder';

/** Images as bytes (pixelsPerImage each) and their labels. */
export interface LabelledBytes {
  pixels: Uint8Array;
  labels: Uint8Array;
}

/**
 * `main` then `extra` uploaded as one dataset, with the mix for batches of `batchSize`; a mix of
 * null when there is nothing to mix in (no extra images, or batches of one).
 */
export function uploadMixed(
  backend: Backend,
  main: LabelledBytes,
  extra: LabelledBytes,
  pixelsPerImage: number,
  batchSize: number,
): { dataset: DeviceDataset; mix: Mix | null } {
  if (extra.pixels.length !== extra.labels.length * pixelsPerImage)
    throw new Error(`uploadMixed: ${extra.pixels.length} pixels do not make ${extra.labels.length} images`);
  const pixels = new Uint8Array(main.pixels.length + extra.pixels.length);
  pixels.set(main.pixels);
  pixels.set(extra.pixels, main.pixels.length);
  const labels = new Uint8Array(main.labels.length + extra.labels.length);
  labels.set(main.labels);
  labels.set(extra.labels, main.labels.length);
  const dataset = DeviceDataset.upload(backend, pixels, labels, pixelsPerImage);
  const count = extra.labels.length;
  const perBatch = extraRowsPerBatch(batchSize, count);
  return { dataset, mix: perBatch > 0 ? { count, perBatch } : null };
}
