// The uniform-buffer cache is bounded: contents that change every step (a learning rate changed
// mid-run, the rate finder's sweep, augmentation's step) recycle the least recently used buffers,
// and a buffer evicted while still bound in recorded work is destroyed only after that work is
// submitted.
import { expect, test } from 'vitest';
import { kerasDefaults } from '../cases/rmsprop.cases';
import { cpuBackend, expectClose, gpuBackend, randomArray } from './harness';

const base = await gpuBackend();
const capacity = 8;
const { WebGPUBackend } = await import('../../src/backend/webgpu/webgpuBackend');
const gpu = new WebGPUBackend(base.device, { uniformCapacity: capacity });
const u32 = (...words: number[]) => Uint32Array.from(words);

test('the same contents bind the same buffer; the least recently used go past the capacity', () => {
  const { uniforms } = new WebGPUBackend(base.device, { uniformCapacity: 3 });
  const first = uniforms.get(u32(1));
  expect(uniforms.get(u32(1))).toBe(first);
  uniforms.get(u32(2));
  uniforms.get(u32(3));
  uniforms.get(u32(1)); // used again: now the most recent
  uniforms.get(u32(4)); // evicts 2, the least recently used
  expect(uniforms.size).toBe(3);
  expect(uniforms.get(u32(1))).toBe(first);
  const created = uniforms.created;
  uniforms.get(u32(2)); // was evicted: made again
  expect(uniforms.created).toBe(created + 1);
  expect(uniforms.size).toBe(3);
  expect(uniforms.bytesOwned).toBe(3 * 16);
  uniforms.afterSubmit();
});

test('a rate changed at every step stays within the capacity, and every step is right', async () => {
  const cpu = cpuBackend();
  const length = 37;
  const steps = 5 * capacity;
  const param = randomArray(length, 11);
  const grads = Array.from({ length: steps }, (_, s) => randomArray(length, 100 + s, -1, 1));
  const results: Float32Array[] = [];
  base.device.pushErrorScope('validation');
  for (const backend of [gpu, cpu]) {
    const [sp, sms] = [backend.alloc(length), backend.alloc(length)];
    backend.write(sp, param);
    backend.fill(sms, 0, length);
    const sg = grads.map((g) => {
      const s = backend.alloc(length);
      backend.write(s, g);
      return s;
    });
    // Every step recorded into one submit: the buffers evicted along the way are still bound there.
    for (const [s, g] of sg.entries()) {
      backend.rmsprop(sp, sms, g, length, { ...kerasDefaults, learningRate: 0.001 * (1 + s) });
    }
    results.push(await backend.read(sp));
    for (const s of [sp, sms, ...sg]) backend.free(s);
  }
  expect(await base.device.popErrorScope()).toBeNull();
  expect(gpu.uniforms.size).toBeLessThanOrEqual(capacity);
  expect(gpu.uniforms.created).toBeGreaterThanOrEqual(steps);
  expectClose(results[0], results[1], 1e-6, 1e-5, 'param');
});
