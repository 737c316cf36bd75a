import { describe, expect, test } from 'vitest';
import { evaluationOrder, groupedByInk } from '../../src/nn/inkOrder';
import { Random } from '../../src/nn/random';

const PIXELS = 64;

/** Pixels inked by any image of each block of 4 rows, summed over the blocks. */
function blockInk(pixels: Uint8Array, order: ArrayLike<number>) {
  let total = 0;
  for (let b = 0; b < order.length; b += 4) {
    for (let p = 0; p < PIXELS; p++) {
      let inked = false;
      for (let r = b; r < Math.min(b + 4, order.length); r++) inked ||= pixels[order[r] * PIXELS + p] !== 0;
      if (inked) total++;
    }
  }
  return total;
}

/** Images each inking one of four quarters, the shape i % 4: any 4 in a row hold all four shapes. */
function fourShapes(count: number): Uint8Array {
  const pixels = new Uint8Array(count * PIXELS);
  for (let i = 0; i < count; i++) {
    const shape = i % 4;
    for (let p = shape * 16; p < shape * 16 + 16; p++) pixels[i * PIXELS + p] = 255;
  }
  return pixels;
}

describe('evaluationOrder', () => {
  test.each([0, 1, 3, 4, 5, 257])('is a permutation of %i images', (count) => {
    const random = new Random(count + 1);
    const pixels = Uint8Array.from({ length: count * PIXELS }, () => (random.next() < 0.3 ? 200 : 0));
    const order = evaluationOrder(pixels, count, PIXELS);
    expect(order.length).toBe(count);
    expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: count }, (_, i) => i));
  });

  test('puts images with the same ink in the same block', () => {
    // Four shapes, each in a quarter of the image, interleaved: as stored, every block of 4 holds
    // all four shapes; grouped, each block holds one.
    const count = 48;
    const pixels = fourShapes(count);
    const order = evaluationOrder(pixels, count, PIXELS);
    const stored = Array.from({ length: count }, (_, i) => i);
    expect(blockInk(pixels, stored)).toBe((count / 4) * 64);
    expect(blockInk(pixels, order)).toBe((count / 4) * 16);
  });

  test('leaves random sparse images in blocks with less ink than as stored', () => {
    const random = new Random(5);
    const count = 400;
    const pixels = Uint8Array.from({ length: count * PIXELS }, () => (random.next() < 0.1 ? 255 : 0));
    const stored = Array.from({ length: count }, (_, i) => i);
    expect(blockInk(pixels, evaluationOrder(pixels, count, PIXELS))).toBeLessThan(blockInk(pixels, stored));
  });
});

describe('groupedByInk', () => {
  test('reorders exactly the images it is given', () => {
    const random = new Random(9);
    const count = 300;
    const pixels = Uint8Array.from({ length: count * PIXELS }, () => (random.next() < 0.2 ? 255 : 0));
    const batch = Uint32Array.from([299, 7, 150, 3, 42, 42 + 64, 200, 1, 0, 77, 13]);
    const grouped = groupedByInk(pixels, PIXELS, batch);
    expect([...grouped].sort((a, b) => a - b)).toEqual([...batch].sort((a, b) => a - b));
  });

  test('groups a batch by its own ink: the four shapes of a mixed batch end one to a block', () => {
    const pixels = fourShapes(64);
    // 16 images taken from the middle, four of each shape, interleaved as a shuffle leaves them.
    const batch = Uint32Array.from({ length: 16 }, (_, i) => 20 + i);
    expect(blockInk(pixels, batch)).toBe(4 * 64);
    expect(blockInk(pixels, groupedByInk(pixels, PIXELS, batch))).toBe(4 * 16);
  });
});
