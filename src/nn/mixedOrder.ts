// "Train on my digits too": every batch mixes a few of the user's drawings into MNIST's. The
// dataset holds MNIST's images first and the user's after them; an epoch still goes once through
// MNIST in its seeded order, and each batch takes `perBatch` of its rows from the user's images,
// drawn without repeats from a seeded shuffle of them that starts over each time it runs out. So
// fifty drawings are seen many times an epoch, each time moved differently by the augmentation.
import { Random } from './random';

/** The share of each batch taken from the user's images: 16 rows of the default 128. */
export const EXTRA_SHARE = 1 / 8;

/** What fit() mixes in: the last `count` images of the dataset, `perBatch` rows of every batch. */
export interface Mix {
  count: number;
  perBatch: number;
}

/**
 * The rows of each batch that come from `extraCount` extra images: an eighth of the batch (at least
 * one), never more than there are extra images (a batch holds each at most once), and always at
 * least one row of MNIST. 0 when there is nothing to mix.
 */
export function extraRowsPerBatch(batchSize: number, extraCount: number): number {
  if (extraCount < 1 || batchSize < 2) return 0;
  return Math.min(Math.max(1, Math.round(batchSize * EXTRA_SHARE)), extraCount, batchSize - 1);
}

/** Batches in an epoch that goes once through `mainCount` images, `batchSize - perBatch` at a time. */
export function mixedBatchCount(mainCount: number, batchSize: number, perBatch: number): number {
  return Math.ceil(mainCount / (batchSize - perBatch));
}

/**
 * An epoch's order over a dataset of `mainOrder.length` main images followed by `mix.count` extra
 * ones: each batch is its share of the main order, in that order, then `mix.perBatch` extra images.
 * Every batch is `batchSize` long but the last, which has the main images left and its extra rows.
 */
export function mixedOrder(mainOrder: Uint32Array, batchSize: number, mix: Mix, seed: number): Uint32Array {
  const mainCount = mainOrder.length;
  const { count, perBatch } = mix;
  if (perBatch < 1 || perBatch >= batchSize || perBatch > count)
    throw new RangeError(`mixedOrder: ${perBatch} extra rows of ${count} images in batches of ${batchSize}`);
  const mainPerBatch = batchSize - perBatch;
  const batches = mixedBatchCount(mainCount, batchSize, perBatch);
  const order = new Uint32Array(mainCount + batches * perBatch);
  const random = new Random(seed);
  let extras = random.permutation(count);
  let next = 0;
  let at = 0;
  for (let batch = 0; batch < batches; batch++) {
    const start = batch * mainPerBatch;
    const main = mainOrder.subarray(start, Math.min(start + mainPerBatch, mainCount));
    order.set(main, at);
    at += main.length;
    // A batch never holds an extra image twice: the shuffle starts over only between batches.
    if (next + perBatch > count) {
      extras = random.permutation(count);
      next = 0;
    }
    for (let i = 0; i < perBatch; i++) order[at++] = mainCount + extras[next++];
  }
  return order;
}
