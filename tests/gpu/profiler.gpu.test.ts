import { expect, test } from 'vitest';
import { cpuBackend, expectClose, gpuBackend, randomArray } from './harness';

test('the profiler times each kernel on the GPU without changing results', async () => {
  const gpu = await gpuBackend();
  expect(gpu.startProfile(), 'SwiftShader and real GPUs here offer timestamp-query').toBe(true);
  const shape = { m: 70, n: 33, k: 50, transA: false, transB: false };
  const a = randomArray(shape.m * shape.k, 1);
  const b = randomArray(shape.k * shape.n, 2);
  const results = [];
  for (const backend of [gpu, cpuBackend()]) {
    const [sa, sb, sc, sd] = [
      backend.alloc(a.length),
      backend.alloc(b.length),
      backend.alloc(shape.m * shape.n),
      backend.alloc(shape.m * shape.n),
    ];
    backend.write(sa, a);
    backend.write(sb, b);
    backend.matmul(sc, sa, sb, shape);
    backend.biasAddRelu(sd, sc, sb, shape.m, shape.n, true);
    backend.matmul(sc, sa, sb, shape);
    results.push(await backend.read(sd, shape.m * shape.n));
  }
  expectClose(results[0], results[1], 1e-4, 1e-4, 'relu(A·B + b)');
  const times = await gpu.stopProfile();
  const matmul = times.get(gpu.matmulVariant === 'tiled' ? 'matmul' : 'matmulRegister');
  expect(matmul?.count).toBe(2);
  expect(times.get('biasAddRelu')?.count).toBe(1);
  expect(matmul?.ms).toBeGreaterThan(0);
});
