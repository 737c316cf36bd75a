// The user's test digits as the confusion matrix's second source: the matrix counts each label
// against its reading, and a gallery holds the chosen cell's (or every mistake's) digits, most
// confident first, with their own pixels.
import { expect, test } from 'vitest';
import { PIXELS } from '../../src/data/mnist';
import { digitVerdicts, verdictsConfusion, verdictsGallery } from '../../src/page/userDigitsVerdicts';

const digit = (label: number, ink: number) => ({ label, pixels: new Uint8Array(PIXELS).fill(ink) });
const DIGITS = [digit(3, 1), digit(3, 2), digit(7, 3), digit(1, 4), digit(8, 5)];
const probabilities = (rows: [number, number][]) => {
  const p = new Float32Array(rows.length * 10);
  for (const [i, [d, q]] of rows.entries()) p[i * 10 + d] = q;
  return p;
};

test('the matrix counts label against reading; an unread digit (255) is left out', () => {
  const predicted = Uint8Array.from([3, 8, 7, 7, 255]);
  const v = digitVerdicts(DIGITS, predicted, null);
  if (!v) throw new Error('no verdicts');
  const { matrix, classes } = verdictsConfusion(v);
  expect(classes).toBe(10);
  expect(matrix.reduce((a, b) => a + b, 0)).toBe(4);
  expect([matrix[3 * 10 + 3], matrix[3 * 10 + 8], matrix[7 * 10 + 7], matrix[1 * 10 + 7]]).toEqual([
    1, 1, 1, 1,
  ]);
  expect(digitVerdicts(DIGITS, Uint8Array.from([1, 2]), null)).toBeNull();
  expect(digitVerdicts([], new Uint8Array(), null)).toBeNull();
});

test("every mistake, most confident first, with the digits' own pixels; a cell's digits", () => {
  const predicted = Uint8Array.from([3, 8, 7, 7, 2]);
  const p = probabilities([
    [3, 0.9],
    [8, 0.6],
    [7, 0.8],
    [7, 0.95],
    [2, 0.5],
  ]);
  const v = digitVerdicts(DIGITS, predicted, p);
  if (!v) throw new Error('no verdicts');
  const mistakes = verdictsGallery(v, { kind: 'mistakes' });
  expect(mistakes.total).toBe(3);
  expect(mistakes.items.map((item) => item.index)).toEqual([3, 1, 4]);
  expect(mistakes.items[0]).toMatchObject({ label: 1, predicted: 7 });
  expect(mistakes.items[0].top[0]).toEqual({ digit: 7, probability: expect.closeTo(0.95, 6) });
  expect([mistakes.pixels[0], mistakes.pixels[PIXELS], mistakes.pixels[2 * PIXELS]]).toEqual([4, 2, 5]);
  const cell = verdictsGallery(v, { kind: 'cell', label: 3, predicted: 3 });
  expect(cell.items.map((item) => item.index)).toEqual([0]);
  expect(cell.pixels.length).toBe(PIXELS);
});
