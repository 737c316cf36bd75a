// The sparse matmul's index of a mostly-zero operand: which columns each block of SPARSE_ROWS rows
// has a nonzero in, and how many. Its size, and where a batch's indexes lie in the one storage the
// gather writes them to (GatherBatchArgs.index).
import type { Backend, MatmulShape, SparseIndex, Storage } from './backend';
import { VIEW_ALIGN } from './backend';

/**
 * Rows of op(A) per block of the sparse matmul's index (nonzeroColumns): a block's column is kept
 * when any of its rows is nonzero, so fewer rows skip more.
 */
export const SPARSE_ROWS = 4;

/** Words of the two index buffers the sparse path needs: the column lists, and their lengths. */
export function sparseIndexWords(s: Pick<MatmulShape, 'm' | 'k'>): { columns: number; counts: number } {
  const blocks = Math.ceil(s.m / SPARSE_ROWS);
  return { columns: blocks * s.k, counts: blocks };
}

/** Word offsets of a batch's sparse indexes in GatherBatchArgs.index, each a multiple of VIEW_ALIGN. */
export function sparseIndexLayout(rows: number, pixelsPerImage: number, parts: 1 | 2) {
  const aligned = (n: number) => Math.ceil(n / VIEW_ALIGN) * VIEW_ALIGN;
  const rowWords = sparseIndexWords({ m: rows, k: pixelsPerImage });
  const pixelWords = sparseIndexWords({ m: pixelsPerImage, k: rows });
  const rowCounts = 0;
  const rowColumns = aligned(rowWords.counts);
  const pixelCounts = rowColumns + aligned(rowWords.columns);
  const pixelColumns = pixelCounts + (parts === 2 ? aligned(pixelWords.counts) : 0);
  const length = pixelColumns + (parts === 2 ? aligned(pixelWords.columns) : 0);
  return { rowCounts, rowColumns, pixelCounts, pixelColumns, length, rowWords, pixelWords };
}

/** The indexes in a GatherBatchArgs.index storage, as views: x's (rows) and, with parts 2, xᵀ's. */
export function sparseIndexViews(
  backend: Pick<Backend, 'view'>,
  storage: Storage,
  rows: number,
  pixelsPerImage: number,
  parts: 1 | 2,
): { rows: SparseIndex; columns: SparseIndex | null } {
  const l = sparseIndexLayout(rows, pixelsPerImage, parts);
  return {
    rows: {
      counts: backend.view(storage, l.rowCounts, l.rowWords.counts),
      columns: backend.view(storage, l.rowColumns, l.rowWords.columns),
    },
    columns:
      parts === 2
        ? {
            counts: backend.view(storage, l.pixelCounts, l.pixelWords.counts),
            columns: backend.view(storage, l.pixelColumns, l.pixelWords.columns),
          }
        : null,
  };
}
