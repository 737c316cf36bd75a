// The matmul variants as the tuning sees them (matmulTuning.ts): it times both and keeps one, and the
// register family picks its vec4 kernel exactly where B can be read as vec4. (Each variant against
// the CPU reference: matmul.cases.ts, in the generic kernel test.)
import { expect, test } from 'vitest';
import { gpuBackend } from './harness';

const gpu = await gpuBackend();

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
