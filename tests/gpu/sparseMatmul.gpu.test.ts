import { describe, expect, test } from 'vitest';
import { matmul } from '../../src/backend/cpu/matmul';
import { nonzeroColumns } from '../../src/backend/cpu/nonzeroColumns';
import { SPARSE_ROWS, sparseIndexWords } from '../../src/backend/sparseIndex';
import { sparseCases } from '../cases/sparseMatmul.cases';
import { expectClose, gpuBackend, randomArray } from './harness';

const gpu = await gpuBackend();

for (const transA of [false, true]) {
  describe(`sparse A (${transA ? 'Aᵀ·B' : 'A·B'}) on WebGPU matches the dense CPU reference`, () => {
    for (const c of sparseCases) {
      const shape = { m: c.m, n: c.n, k: c.k, transA, transB: false };
      const a = c.a(c.m * c.k, c.m * 3 + c.k);

      test(`${c.name}: the index of nonzero columns [${c.m}x${c.k}]`, async () => {
        const words = sparseIndexWords(shape);
        const [columns, counts, sa] = [
          gpu.alloc(words.columns),
          gpu.alloc(words.counts),
          gpu.alloc(a.length),
        ];
        gpu.write(sa, a);
        gpu.nonzeroColumns(columns, counts, sa, shape);
        const [gotColumns, gotCounts] = await Promise.all([
          gpu.readU32(columns, words.columns),
          gpu.readU32(counts, words.counts),
        ]);
        const wantColumns = new Uint32Array(words.columns);
        const wantCounts = new Uint32Array(words.counts);
        nonzeroColumns(wantColumns, wantCounts, a, shape, SPARSE_ROWS);
        expect(Array.from(gotCounts)).toEqual(Array.from(wantCounts));
        for (let block = 0; block < words.counts; block++) {
          const list = (x: Uint32Array) =>
            Array.from(x.subarray(block * c.k, block * c.k + wantCounts[block]));
          expect(list(gotColumns), `block ${block}`).toEqual(list(wantColumns));
        }
        for (const s of [columns, counts, sa]) gpu.free(s);
      });

      test(`${c.name}: C = op(A)·B [${c.m}x${c.k}]·[${c.k}x${c.n}]`, async () => {
        const b = randomArray(c.k * c.n, c.n * 13 + c.k);
        const [sa, sb, sc] = [gpu.alloc(a.length), gpu.alloc(b.length), gpu.alloc(c.m * c.n)];
        gpu.write(sa, a);
        gpu.write(sb, b);
        gpu.matmulVariant = 'register';
        gpu.startProfile();
        gpu.matmul(sc, sa, sb, { ...shape, sparseA: true });
        const times = await gpu.stopProfile();
        expect([...times.keys()].sort(), 'the sparse path ran').toEqual(['matmulSparseA', 'nonzeroColumns']);
        const got = await gpu.read(sc, c.m * c.n);
        const want = new Float32Array(c.m * c.n);
        matmul(want, a, b, shape);
        expectClose(got, want, 1e-5 * Math.sqrt(c.k) * 4, 1e-4, 'C');
        for (const s of [sa, sb, sc]) gpu.free(s);
      });
    }
  });
}

test('a NaN in A is not skipped: it reaches C as it does in the dense product', async () => {
  const shape = { m: 5, n: 8, k: 6, transA: false, transB: false };
  const a = new Float32Array(30);
  a[2 * 6 + 3] = Number.NaN; // row 2
  a[4 * 6 + 1] = 2; // row 4
  const b = randomArray(48, 5);
  const [sa, sb, sc] = [gpu.alloc(30), gpu.alloc(48), gpu.alloc(40)];
  gpu.write(sa, a);
  gpu.write(sb, b);
  gpu.matmulVariant = 'register';
  gpu.matmul(sc, sa, sb, { ...shape, sparseA: true });
  const got = await gpu.read(sc, 40);
  const want = new Float32Array(40);
  matmul(want, a, b, shape);
  expect(got.slice(16, 24).every(Number.isNaN), 'row 2 is NaN').toBe(true);
  expectClose(got.slice(32), want.slice(32), 1e-6, 1e-6, 'row 4');
  expect(Array.from(got.slice(0, 16)), 'rows 0 and 1 are zero').toEqual(new Array(16).fill(0));
});

test('the sparse hint changes nothing on the tiled variant, and needs B as vec4', async () => {
  const shape = { m: 9, n: 10, k: 5, transA: false, transB: false, sparseA: true };
  for (const [variant, n, kernels] of [
    ['tiled', 12, ['matmul']],
    ['register', 10, ['matmulRegister']],
  ] as const) {
    const [a, b, c] = [gpu.alloc(64), gpu.alloc(64), gpu.alloc(128)];
    gpu.matmulVariant = variant;
    gpu.startProfile();
    gpu.matmul(c, a, b, { ...shape, n });
    const times = await gpu.stopProfile();
    expect([...times.keys()], variant).toEqual(kernels);
    for (const x of [a, b, c]) gpu.free(x);
  }
});
