// Shapes for matmul, shared by the CPU and GPU tests. The model's shapes, plus the awkward ones:
// one row, a prime inner dimension, sizes that are not multiples of any tile, the 96-row last batch.
// With its driver, run on every backend by the GPU test and gpu:check: each variant, each transpose,
// and the sparse-A path on sparseMatmul.cases.ts's zero patterns.
import type { Backend, MatmulShape } from '../../src/backend/backend';
import { type KernelCheck, type KernelSuite, type Outputs, runKernel, type Tolerance } from './kernelSuite';
import { randomArray } from './random';
import { sparseCases } from './sparseMatmul.cases';
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

type Variant = 'tiled' | 'register';

/** C = op(A)·op(B) with the given matmul variant where the backend has variants (the GPU's). */
export function run(
  b: Backend,
  c: { shape: MatmulShape; a: Float32Array; b: Float32Array; variant: Variant },
): Promise<Outputs> {
  if ('matmulVariant' in b) (b as { matmulVariant: Variant }).matmulVariant = c.variant;
  const { m, n } = c.shape;
  return runKernel(b, [c.a, c.b], [m * n], ([out], [sa, sb]) => b.matmul(out, sa, sb, c.shape));
}

// f32 sums of k products in a different order: error grows like sqrt(k) * eps * |terms|.
const tolerance = (k: number): Tolerance => ({ atol: 1e-5 * Math.sqrt(k) * 4, rtol: 1e-4 });
const VARIANTS: Variant[] = ['tiled', 'register'];

function check(
  name: string,
  shape: MatmulShape,
  a: Float32Array,
  b: Float32Array,
  variant: Variant,
): KernelCheck {
  return {
    kernel: shape.sparseA ? 'matmulSparseA' : `matmul (${variant})`,
    name,
    run: (backend) => run(backend, { shape, a, b, variant }),
    tolerances: [tolerance(shape.k)],
  };
}

export const suite: KernelSuite = {
  // The sparse path builds its index with nonzeroColumns.
  kernels: ['matmul', 'nonzeroColumns'],
  checks: () => [
    ...VARIANTS.flatMap((variant) =>
      matmulCases.flatMap((c) =>
        transposes.map((t) =>
          check(
            `${c.name}: ${t.label} [${c.m}x${c.k}]·[${c.k}x${c.n}]`,
            { m: c.m, n: c.n, k: c.k, transA: t.transA, transB: t.transB },
            randomArray(c.m * c.k, c.m * 7 + c.k),
            randomArray(c.k * c.n, c.n * 13 + c.k),
            variant,
          ),
        ),
      ),
    ),
    // The sparse-A path (the register family only).
    ...[false, true].flatMap((transA) =>
      sparseCases.map((c) =>
        check(
          `${c.name}: ${transA ? 'Aᵀ·B' : 'A·B'} [${c.m}x${c.k}]·[${c.k}x${c.n}]`,
          { m: c.m, n: c.n, k: c.k, transA, transB: false, sparseA: true },
          c.a(c.m * c.k, c.m * 3 + c.k),
          randomArray(c.k * c.n, c.n * 13 + c.k),
          'register',
        ),
      ),
    ),
  ],
  stress: (scale) => {
    const big = Math.ceil(1024 / scale);
    const dense = VARIANTS.flatMap((variant) =>
      transposes
        .slice(0, 2)
        .map((t) =>
          check(
            `stress: ${t.label} [${big}x784]·[784x512]`,
            { m: big, n: 512, k: 784, transA: t.transA, transB: t.transB },
            randomArray(big * 784, 5),
            randomArray(784 * 512, 6),
            variant,
          ),
        ),
    );
    const sparse = check(
      `stress: A·B [${big}x784]·[784x512], 80% zeros`,
      { m: big, n: 512, k: 784, transA: false, transB: false, sparseA: true },
      randomArray(big * 784, 7).map((v, i) => (i % 5 === 0 ? v : 0)),
      randomArray(784 * 512, 8),
      'register',
    );
    return [...dense, sparse];
  },
};
