import { describe, expect, test } from 'vitest';
import type { Backend, MatmulEpilogue, MatmulShape } from '../../src/backend/backend';
import { matmulCases, transposes } from '../cases/matmul.cases';
import { epilogueCases } from '../cases/matmulEpilogue.cases';
import { sparseCases } from '../cases/sparseMatmul.cases';
import { cpuBackend, expectClose, gpuBackend, randomArray } from './harness';

// Every matmul variant (tiled, register scalar and vec4, sparse A) with each epilogue, against the
// reference: the plain matmul followed by biasAddRelu, reluBackward and sumRows.

const gpu = await gpuBackend();
const cpu = cpuBackend();

async function run(
  backend: Backend,
  s: MatmulShape,
  a: Float32Array,
  b: Float32Array,
  e: (typeof epilogueCases)[0],
) {
  const put = (data: Float32Array) => {
    const storage = backend.alloc(data.length);
    backend.write(storage, data);
    return storage;
  };
  const [sa, sb, sc] = [put(a), put(b), backend.alloc(s.m * s.n)];
  // C starts as garbage, so a value the kernel forgets to write shows.
  backend.write(sc, new Float32Array(s.m * s.n).fill(7));
  const bias = put(randomArray(s.n, s.n + 1));
  const mask = put(randomArray(s.m * s.n, s.m + 2));
  const sums = put(new Float32Array(s.n).fill(7));
  const epilogue: MatmulEpilogue = {
    bias: e.bias ? bias : undefined,
    relu: e.relu,
    mask: e.mask ? mask : undefined,
    columnSums: e.columnSums ? sums : undefined,
  };
  backend.matmul(sc, sa, sb, s, epilogue);
  const out = { c: await backend.read(sc, s.m * s.n), sums: await backend.read(sums, s.n) };
  for (const x of [sa, sb, sc, bias, mask, sums]) backend.free(x);
  return out;
}

async function compare(s: MatmulShape, a: Float32Array, b: Float32Array, e: (typeof epilogueCases)[0]) {
  const got = await run(gpu, s, a, b, e);
  const want = await run(cpu, s, a, b, e);
  const tol = 1e-5 * Math.sqrt(s.k) * 4;
  expectClose(got.c, want.c, tol, 1e-4, 'C');
  expectClose(got.sums, want.sums, 1e-5 * Math.sqrt(s.k) * 4, 1e-4, 'column sums');
}

for (const variant of ['tiled', 'register'] as const) {
  describe(`matmul (${variant}) epilogues match the composed reference`, () => {
    for (const c of matmulCases)
      for (const t of transposes)
        for (const e of epilogueCases.filter((e) => !(e.columnSums && t.transB)))
          test(`${c.name}, ${t.label}, ${e.label}`, async () => {
            gpu.matmulVariant = variant;
            const s = { m: c.m, n: c.n, k: c.k, transA: t.transA, transB: t.transB };
            await compare(
              s,
              randomArray(c.m * c.k, c.m * 7 + c.k),
              randomArray(c.k * c.n, c.n * 13 + c.k),
              e,
            );
          });
  });
}

describe('sparse A (register) epilogues match the composed reference', () => {
  for (const c of sparseCases)
    for (const transA of [false, true])
      for (const e of epilogueCases)
        test(`${c.name}, ${transA ? 'Aᵀ·B' : 'A·B'}, ${e.label}`, async () => {
          gpu.matmulVariant = 'register';
          const s = { m: c.m, n: c.n, k: c.k, transA, transB: false, sparseA: true };
          await compare(s, c.a(c.m * c.k, c.m * 3 + c.k), randomArray(c.k * c.n, c.n * 13 + c.k), e);
        });
});

test('column sums need B untransposed', () => {
  const [a, b, c, sums] = [gpu.alloc(16), gpu.alloc(16), gpu.alloc(16), gpu.alloc(4)];
  const shape = { m: 2, n: 2, k: 2, transA: false, transB: true };
  expect(() => gpu.matmul(c, a, b, shape, { columnSums: sums })).toThrow(/transB/);
  expect(() =>
    cpu.matmul(cpu.alloc(4), cpu.alloc(4), cpu.alloc(4), shape, { columnSums: cpu.alloc(2) }),
  ).toThrow(/transB/);
});
