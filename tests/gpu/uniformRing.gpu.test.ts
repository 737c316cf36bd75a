// Adam's step size changes at every step, so it comes from a small ring of uniform buffers kept per
// kernel (pipelines.ts): once the ring is full, nothing more is created, however many steps.
import { expect, test } from 'vitest';
import { kerasDefaults, stepHyper } from '../cases/adam.cases';
import { gpuBackend, randomArray } from './harness';

const gpu = await gpuBackend();

test('a new step size every step creates no GPU objects once the uniform ring is full', async () => {
  const [param, m, v, grad] = [0, 1, 2, 3].map(() => gpu.alloc(16));
  gpu.write(grad, randomArray(16, 1));
  const c = { name: '', length: 16, settings: kerasDefaults, steps: 0, atol: 0, rtol: 0 };
  for (let s = 0; s < 8; s++) gpu.adam(param, m, v, grad, 16, stepHyper(c, s));
  await gpu.read(param, 1);
  const created = gpu.createdObjects;
  for (let s = 8; s < 40; s++) {
    gpu.adam(param, m, v, grad, 16, stepHyper(c, s));
    if (s % 4 === 3) gpu.flush();
  }
  await gpu.read(param, 1);
  expect(gpu.createdObjects).toBe(created);
  for (const s of [param, m, v, grad]) gpu.free(s);
});
