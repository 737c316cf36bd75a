import { expect, test } from 'vitest';
import { browseImages } from '../../src/data/browse';
import type { LabelledImages } from '../../src/data/idx';

/** 50 2x2 images; image i is labelled i % 10 and every pixel holds i. */
function dataset(count = 50): LabelledImages {
  return {
    count,
    rows: 2,
    cols: 2,
    pixels: Uint8Array.from({ length: count * 4 }, (_, p) => Math.floor(p / 4)),
    labels: Uint8Array.from({ length: count }, (_, i) => i % 10),
  };
}

test('a page of all the images, in order, with their labels and pixels', () => {
  const page = browseImages(dataset(), null, 1, 8);
  expect(page.total).toBe(50);
  expect(page.page).toBe(1);
  expect([...page.indices]).toEqual([8, 9, 10, 11, 12, 13, 14, 15]);
  expect([...page.labels]).toEqual([8, 9, 0, 1, 2, 3, 4, 5]);
  expect([...page.pixels.subarray(0, 8)]).toEqual([8, 8, 8, 8, 9, 9, 9, 9]);
});

test('one digit only; a page past the end shows the last, a negative one the first', () => {
  const sevens = browseImages(dataset(), 7, 0, 3);
  expect(sevens.total).toBe(5);
  expect([...sevens.indices]).toEqual([7, 17, 27]);
  expect(new Set(sevens.labels)).toEqual(new Set([7]));
  const last = browseImages(dataset(), 7, 99, 3);
  expect(last.page).toBe(1);
  expect([...last.indices]).toEqual([37, 47]);
  expect(browseImages(dataset(), 7, -4, 3).page).toBe(0);
});

test('a digit with no images gives an empty first page', () => {
  const none = browseImages(dataset(5), 9, 2, 4);
  expect(none.total).toBe(0);
  expect(none.page).toBe(0);
  expect(none.indices.length).toBe(0);
  expect(none.pixels.length).toBe(0);
});
