// Shapes for matmul, shared by the CPU and GPU tests. The model's shapes, plus the awkward ones:
// one row, a prime inner dimension, sizes that are not multiples of any tile, the 96-row last batch.
export interface MatmulCase {
  name: string;
  m: number;
  n: number;
  k: number;
}

export const matmulCases: MatmulCase[] = [
  { name: 'tiles fit exactly', m: 64, n: 64, k: 32 },
  { name: 'single row', m: 1, n: 10, k: 7 },
  { name: 'single element', m: 1, n: 1, k: 1 },
  { name: 'prime inner dimension', m: 33, n: 17, k: 97 },
  { name: 'nothing divides a tile', m: 67, n: 131, k: 45 },
  { name: 'dense 1 forward, last batch', m: 96, n: 512, k: 784 },
  { name: 'dense 2 forward', m: 128, n: 10, k: 512 },
  { name: 'large K', m: 5, n: 3, k: 2000 },
];

export const transposes = [
  { transA: false, transB: false, label: 'A·B' },
  { transA: true, transB: false, label: 'Aᵀ·B' },
  { transA: false, transB: true, label: 'A·Bᵀ' },
  { transA: true, transB: true, label: 'Aᵀ·Bᵀ' },
];
