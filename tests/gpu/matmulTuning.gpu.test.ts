// Which kernels a matmul dispatches (matmul.ts, matmulTuning.ts): the tuning times both variants and
// keeps one, the register family picks its vec4 kernel exactly where B can be read as vec4, the
// sparse path runs where asked and possible. (What each computes, against the CPU reference:
// matmul.cases.ts, in the generic kernel test.)
import { expect, test } from 'vitest';
import { cpuBackend, gpuBackend } from './harness';

const gpu = await gpuBackend();
const cpu = cpuBackend();

test('the tuner picks a tested variant and times both', async () => {
  const times = await gpu.tuneMatmul([{ m: 128, n: 512, k: 784, transA: false, transB: false }], 1);
  expect(Object.keys(times).sort()).toEqual(['register', 'tiled']);
  expect(['tiled', 'register']).toContain(gpu.matmulVariant);
  console.log('matmul variant times (ms):', times, '->', gpu.matmulVariant);
});

test('the register family reads B as vec4 exactly when B is not transposed and N is a multiple of 4', async () => {
  gpu.matmulVariant = 'register';
  const shapes = [
    { m: 9, n: 12, k: 5, transA: false, transB: false, kernel: 'matmulRegisterVec4' },
    { m: 9, n: 12, k: 5, transA: true, transB: false, kernel: 'matmulRegisterVec4' },
    { m: 9, n: 12, k: 5, transA: false, transB: true, kernel: 'matmulRegister' },
    { m: 9, n: 10, k: 5, transA: false, transB: false, kernel: 'matmulRegister' },
  ];
  for (const s of shapes) {
    const [a, b, c] = [gpu.alloc(64), gpu.alloc(64), gpu.alloc(128)];
    gpu.startProfile();
    gpu.matmul(c, a, b, s);
    const times = await gpu.stopProfile();
    expect([...times.keys()], JSON.stringify(s)).toEqual([s.kernel]);
    for (const x of [a, b, c]) gpu.free(x);
  }
});

test('the sparse hint runs the sparse path on the register variant', async () => {
  const shape = { m: 9, n: 12, k: 5, transA: false, transB: false, sparseA: true };
  const [a, b, c] = [gpu.alloc(64), gpu.alloc(64), gpu.alloc(128)];
  gpu.matmulVariant = 'register';
  gpu.startProfile();
  gpu.matmul(c, a, b, shape);
  const times = await gpu.stopProfile();
  expect([...times.keys()].sort(), 'the sparse path ran').toEqual(['matmulSparseA', 'nonzeroColumns']);
  for (const x of [a, b, c]) gpu.free(x);
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

test('column sums need B untransposed', () => {
  const [a, b, c, sums] = [gpu.alloc(16), gpu.alloc(16), gpu.alloc(16), gpu.alloc(4)];
  const shape = { m: 2, n: 2, k: 2, transA: false, transB: true };
  expect(() => gpu.matmul(c, a, b, shape, { columnSums: sums })).toThrow(/transB/);
  expect(() =>
    cpu.matmul(cpu.alloc(4), cpu.alloc(4), cpu.alloc(4), shape, { columnSums: cpu.alloc(2) }),
  ).toThrow(/transB/);
});
