// The mixing rule of "Train on my digits too" (src/nn/mixedOrder.ts): every batch holds its share
// of MNIST in MNIST's order and a few of the user's images, none twice in a batch, each as often as
// the others over an epoch, and the epoch goes through MNIST exactly once.
import { describe, expect, test } from 'vitest';
import { EXTRA_SHARE, extraRowsPerBatch, mixedBatchCount, mixedOrder } from '../../src/nn/mixedOrder';
import { Random } from '../../src/nn/random';

describe('extra rows per batch', () => {
  test('an eighth of the batch, at least one, no more than the images there are, never the whole batch', () => {
    expect(extraRowsPerBatch(128, 48)).toBe(128 * EXTRA_SHARE);
    expect(extraRowsPerBatch(128, 5)).toBe(5);
    expect(extraRowsPerBatch(4, 48)).toBe(1);
    expect(extraRowsPerBatch(2, 48)).toBe(1);
    expect(extraRowsPerBatch(1, 48)).toBe(0);
    expect(extraRowsPerBatch(128, 0)).toBe(0);
  });
});

describe('mixed order', () => {
  const cases = [
    { name: 'MNIST-sized batches, fifty drawings', main: 1000, extra: 50, batch: 128 },
    { name: 'fewer drawings than the share', main: 333, extra: 3, batch: 32 },
    { name: 'a last partial batch', main: 101, extra: 7, batch: 10 },
    { name: 'one drawing, batches of two', main: 9, extra: 1, batch: 2 },
  ];
  for (const c of cases)
    test(c.name, () => {
      const mainOrder = new Random(4).permutation(c.main);
      const perBatch = extraRowsPerBatch(c.batch, c.extra);
      const order = mixedOrder(mainOrder, c.batch, { count: c.extra, perBatch }, 11);
      const batches = mixedBatchCount(c.main, c.batch, perBatch);
      expect(order.length).toBe(c.main + batches * perBatch);
      const mainSeen: number[] = [];
      const extraSeen = new Array<number>(c.extra).fill(0);
      for (let b = 0; b < batches; b++) {
        const batch = Array.from(order.subarray(b * c.batch, Math.min((b + 1) * c.batch, order.length)));
        const extras = batch.filter((i) => i >= c.main);
        // Every batch, the last too, has its extra rows, and none twice.
        expect(extras.length).toBe(perBatch);
        expect(new Set(extras).size).toBe(extras.length);
        if (b < batches - 1) expect(batch.length).toBe(c.batch);
        for (const i of extras) extraSeen[i - c.main]++;
        mainSeen.push(...batch.filter((i) => i < c.main));
      }
      // MNIST once, in its own order.
      expect(mainSeen).toEqual(Array.from(mainOrder));
      // Each drawing about as often as the others (a shuffle that starts over drops at most its tail).
      const expected = (batches * perBatch) / c.extra;
      for (const n of extraSeen) expect(Math.abs(n - expected)).toBeLessThanOrEqual(expected / 2 + 1);
    });

  test('the same seed gives the same order, another seed another', () => {
    const mainOrder = new Random(4).permutation(500);
    const mix = { count: 40, perBatch: 16 };
    expect(mixedOrder(mainOrder, 128, mix, 3)).toEqual(mixedOrder(mainOrder, 128, mix, 3));
    expect(mixedOrder(mainOrder, 128, mix, 3)).not.toEqual(mixedOrder(mainOrder, 128, mix, 4));
  });

  test('a mix that cannot be made is refused', () => {
    const mainOrder = new Random(4).permutation(50);
    expect(() => mixedOrder(mainOrder, 8, { count: 3, perBatch: 4 }, 1)).toThrow(RangeError);
    expect(() => mixedOrder(mainOrder, 8, { count: 30, perBatch: 8 }, 1)).toThrow(RangeError);
  });
});
