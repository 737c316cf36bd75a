import { describe, expect, test } from 'vitest';
import { matmulCases, transposes } from '../cases/matmul.cases';
import { cpuBackend, expectClose, gpuBackend, randomArray } from './harness';

const gpu = await gpuBackend();
const cpu = cpuBackend();

for (const variant of ['tiled', 'register'] as const) {
  describe(`matmul (${variant}) on WebGPU matches the CPU reference`, () => {
    for (const c of matmulCases) {
      for (const t of transposes) {
        test(`${c.name}: ${t.label} [${c.m}x${c.k}]·[${c.k}x${c.n}]`, async () => {
          const shape = { m: c.m, n: c.n, k: c.k, transA: t.transA, transB: t.transB };
          const a = randomArray(c.m * c.k, c.m * 7 + c.k);
          const b = randomArray(c.k * c.n, c.n * 13 + c.k);
          const results = [];
          for (const backend of [gpu, cpu]) {
            const [sa, sb, sc] = [backend.alloc(a.length), backend.alloc(b.length), backend.alloc(c.m * c.n)];
            backend.write(sa, a);
            backend.write(sb, b);
            if (backend === gpu) gpu.matmulVariant = variant;
            backend.matmul(sc, sa, sb, shape);
            results.push(await backend.read(sc, c.m * c.n));
            for (const s of [sa, sb, sc]) backend.free(s);
          }
          // f32 sums of k products in a different order: error grows like sqrt(k) * eps * |terms|.
          expectClose(results[0], results[1], 1e-5 * Math.sqrt(c.k) * 4, 1e-4, 'C');
        });
      }
    }
  });
}

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
