import { expect, test } from 'vitest';
import { nonzeroColumns } from '../../src/backend/cpu/nonzeroColumns';

// op(A) is [5 x 4]; blocks of 2 rows: rows 0-1, 2-3, and row 4 alone.
const a = Float32Array.from(
  [
    [0, 1, 0, 0],
    [0, 0, 0, 3],
    [0, 0, 0, 0],
    [0, 0, 0, 0],
    [5, 0, Number.NaN, 0],
  ].flat(),
);

test('lists, per block of rows, the columns holding a nonzero (NaN counts), ascending', () => {
  const columns = new Uint32Array(12).fill(99);
  const counts = new Uint32Array(3);
  nonzeroColumns(columns, counts, a, { m: 5, k: 4, transA: false }, 2);
  expect(Array.from(counts)).toEqual([2, 0, 2]);
  expect(Array.from(columns.subarray(0, 2))).toEqual([1, 3]);
  expect(Array.from(columns.subarray(8, 10))).toEqual([0, 2]);
});

test('reads A stored transposed the same way', () => {
  const transposed = new Float32Array(20);
  for (let r = 0; r < 5; r++) for (let k = 0; k < 4; k++) transposed[k * 5 + r] = a[r * 4 + k];
  const columns = new Uint32Array(12);
  const counts = new Uint32Array(3);
  nonzeroColumns(columns, counts, transposed, { m: 5, k: 4, transA: true }, 2);
  expect(Array.from(counts)).toEqual([2, 0, 2]);
  expect(Array.from(columns.subarray(8, 10))).toEqual([0, 2]);
});
