import type { MatmulShape } from '../backend';

/**
 * Reference for shaders/nonzeroColumns.wgsl: for each block of `rows` rows of op(A), the columns k
 * (ascending) where any value of the block is nonzero, in columns[block * K ..], and their count.
 */
export function nonzeroColumns(
  columns: Uint32Array,
  counts: Uint32Array,
  a: Float32Array,
  s: Pick<MatmulShape, 'm' | 'k' | 'transA'>,
  rows: number,
): void {
  const at = (r: number, k: number) => (s.transA ? a[k * s.m + r] : a[r * s.k + k]);
  for (let block = 0; block * rows < s.m; block++) {
    let count = 0;
    for (let k = 0; k < s.k; k++) {
      let nonzero = false;
      for (let r = block * rows; r < Math.min(s.m, block * rows + rows); r++) {
        if (at(r, k) !== 0) nonzero = true;
      }
      if (nonzero) columns[block * s.k + count++] = k;
    }
    counts[block] = count;
  }
}
