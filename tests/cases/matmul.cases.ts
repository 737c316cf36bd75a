// Shapes for matmul, shared by the CPU and GPU tests. The model's shapes, plus the awkward ones:
// one row, a prime inner dimension, sizes that are not multiples of any tile, the 96-row last batch.
// With its driver, run on every backend by the GPU test and gpu:check: each variant, each transpose,
// and the sparse-A path on sparseMatmul.cases.ts's zero patterns.
import type { Backend, MatmulEpilogue, MatmulShape } from '../../src/backend/backend';
import { sparseIndexWords } from '../../src/backend/sparseIndex';
import {
  EXACT,
  type KernelCheck,
  type KernelSuite,
  type Outputs,
  runKernel,
  type Tolerance,
} from './kernelSuite';
import { type EpilogueCase, epilogueCases } from './matmulEpilogue.cases';
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

/**
 * C = op(A)·op(B) with the given matmul variant where the backend has variants (the GPU's), and
 * with an epilogue: C, then the column sums where it asks for them.
 */
export function run(
  b: Backend,
  c: { shape: MatmulShape; a: Float32Array; b: Float32Array; variant: Variant; epilogue?: EpilogueCase },
): Promise<Outputs> {
  if ('matmulVariant' in b) (b as { matmulVariant: Variant }).matmulVariant = c.variant;
  const { m, n } = c.shape;
  const e: EpilogueCase = c.epilogue ?? { label: 'none' };
  const bias = randomArray(n, n + 1);
  const mask = randomArray(m * n, m + 2);
  return runKernel(b, [c.a, c.b, bias, mask], [m * n, n], ([out, sums], [sa, sb, sBias, sMask]) => {
    const epilogue: MatmulEpilogue = {
      bias: e.bias ? sBias : undefined,
      relu: e.relu,
      mask: e.mask ? sMask : undefined,
      columnSums: e.columnSums ? sums : undefined,
    };
    b.matmul(out, sa, sb, c.shape, epilogue);
    if (!e.columnSums) b.fill(sums, 0);
  });
}

/** The sparse path's index of op(A): per block of rows, its count of nonzero columns, then those columns. */
export async function runIndex(b: Backend, shape: MatmulShape, a: Float32Array): Promise<Outputs> {
  const words = sparseIndexWords(shape);
  const [got] = [
    await runKernel(
      b,
      [a],
      [words.columns, words.counts],
      ([columns, counts], [sa]) => b.nonzeroColumns(columns, counts, sa, shape),
      [true, true],
    ),
  ];
  const [columns, counts] = got;
  const lists = Array.from({ length: words.counts }, (_, block) => [
    counts[block],
    ...Array.from(columns).slice(block * shape.k, block * shape.k + counts[block]),
  ]).flat();
  return [lists];
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
  epilogue?: EpilogueCase,
): KernelCheck {
  return {
    kernel: shape.sparseA ? 'matmulSparseA' : `matmul (${variant})`,
    name: epilogue ? `${name}, ${epilogue.label}` : name,
    run: (backend) => run(backend, { shape, a, b, variant, epilogue }),
    tolerances: [tolerance(shape.k), tolerance(shape.k)],
  };
}

/** A NaN in A is not skipped by the sparse path: it reaches C as in the dense product. */
function nanInA(): KernelCheck {
  const a = new Float32Array(30);
  a[2 * 6 + 3] = Number.NaN; // row 2
  a[4 * 6 + 1] = 2; // row 4
  const shape = { m: 5, n: 8, k: 6, transA: false, transB: false, sparseA: true };
  const name = 'a NaN in A is not skipped: it reaches C as in the dense product';
  return {
    ...check(name, shape, a, randomArray(48, 5), 'register'),
    holds: ([c]) =>
      Array.from(c)
        .slice(0, 16)
        .every((v) => v === 0)
        ? null
        : 'rows 0 and 1 are not zero',
  };
}

/** Every variant with each epilogue, against the reference: the plain matmul, then the kernels the epilogue replaces. */
function epilogueChecks(): KernelCheck[] {
  const dense = VARIANTS.flatMap((variant) =>
    matmulCases.flatMap((c) =>
      transposes.flatMap((t) =>
        epilogueCases
          .filter((e) => !(e.columnSums && t.transB))
          .map((e) =>
            check(
              `${c.name}: ${t.label}`,
              { m: c.m, n: c.n, k: c.k, transA: t.transA, transB: t.transB },
              randomArray(c.m * c.k, c.m * 7 + c.k),
              randomArray(c.k * c.n, c.n * 13 + c.k),
              variant,
              e,
            ),
          ),
      ),
    ),
  );
  const sparse = sparseCases.flatMap((c) =>
    [false, true].flatMap((transA) =>
      epilogueCases.map((e) =>
        check(
          `${c.name}: ${transA ? 'Aᵀ·B' : 'A·B'}`,
          { m: c.m, n: c.n, k: c.k, transA, transB: false, sparseA: true },
          c.a(c.m * c.k, c.m * 3 + c.k),
          randomArray(c.k * c.n, c.n * 13 + c.k),
          'register',
          e,
        ),
      ),
    ),
  );
  return [...dense, ...sparse];
}

export const suite: KernelSuite = {
  // The sparse path builds its index with nonzeroColumns.
  kernels: ['matmul', 'nonzeroColumns'],
  checks: () => [
    ...epilogueChecks(),
    nanInA(),
    ...[false, true].flatMap((transA) =>
      sparseCases.map((c): KernelCheck => {
        const shape = { m: c.m, n: c.n, k: c.k, transA, transB: false };
        const a = c.a(c.m * c.k, c.m * 3 + c.k);
        return {
          kernel: 'nonzeroColumns',
          name: `${c.name}: the index of ${transA ? 'Aᵀ' : 'A'} [${c.m}x${c.k}]`,
          run: (b) => runIndex(b, shape, a),
          tolerances: [EXACT],
        };
      }),
    ),
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
