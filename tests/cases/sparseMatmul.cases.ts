// Shapes and zero patterns for the sparse-A matmul path (matmulSparseA.wgsl over nonzeroColumns.wgsl).
// N must be a multiple of 4 (B is read as vec4); everything else is awkward on purpose: row counts that
// leave a partial block of 4, column counts that leave a partial block of 16 or workgroup of 128.
import { randomArray } from './random';

export interface SparseCase {
  name: string;
  m: number;
  n: number;
  k: number;
  /** The values of op(A) stored as given by transA: [m, k], or [k, m] when transposed. */
  a: (length: number, seed: number) => Float32Array;
}

/** Random values in [-1, 1) with about `zeros` of them exactly 0. */
export function sparseArray(length: number, seed: number, zeros: number): Float32Array {
  const keep = randomArray(length, seed + 1, 0, 1);
  return randomArray(length, seed).map((v, i) => (keep[i] < zeros ? 0 : v));
}

const mostlyZeros = (length: number, seed: number) => sparseArray(length, seed, 0.8);

export const sparseCases: SparseCase[] = [
  { name: 'a batch of images, 80% zeros', m: 96, n: 512, k: 784, a: mostlyZeros },
  { name: 'a partial block of rows, odd K', m: 67, n: 20, k: 45, a: mostlyZeros },
  { name: 'one row', m: 1, n: 4, k: 7, a: mostlyZeros },
  { name: 'N past one workgroup', m: 9, n: 132, k: 33, a: mostlyZeros },
  { name: 'all zeros', m: 13, n: 12, k: 17, a: (length) => new Float32Array(length) },
  { name: 'no zeros', m: 13, n: 12, k: 17, a: (length, seed) => sparseArray(length, seed, 0) },
  {
    name: 'whole rows and columns of zeros',
    m: 11,
    n: 16,
    k: 19,
    a: (length, seed) => sparseArray(length, seed, 0.3).map((v, i) => (i % 19 < 7 || i % 5 === 0 ? 0 : v)),
  },
];
