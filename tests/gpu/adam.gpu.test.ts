import { describe, expect, test } from 'vitest';
import { type AdamCase, adamCases, kerasDefaults, stepHyper } from '../cases/adam.cases';
import { optimizerInputs } from '../cases/optimizerInputs';
import { cpuBackend, expectClose, gpuBackend, randomArray } from './harness';

const gpu = await gpuBackend();
const cpu = cpuBackend();

async function expectSameOnBoth(c: AdamCase) {
  const {
    param,
    state: [m, v],
    grads,
  } = optimizerInputs(c, [c.m, c.v]);
  const results = [];
  for (const backend of [gpu, cpu]) {
    const [sp, sm, sv] = [param, m, v].map((data) => {
      const s = backend.alloc(c.length);
      backend.write(s, data);
      return s;
    });
    const sg = grads.map((g) => {
      const s = backend.alloc(c.length);
      backend.write(s, g);
      return s;
    });
    // All steps recorded back to back, each with its own step size: each must see the state the
    // previous one wrote, and its own uniform (more steps than the ring has buffers, in one case).
    for (const [s, g] of sg.entries()) backend.adam(sp, sm, sv, g, c.length, stepHyper(c, s));
    results.push({ param: await backend.read(sp), m: await backend.read(sm), v: await backend.read(sv) });
    for (const s of [sp, sm, sv, ...sg]) backend.free(s);
  }
  expectClose(results[0].param, results[1].param, c.atol, c.rtol, 'param');
  expectClose(results[0].m, results[1].m, 3e-8, 1e-6, 'm');
  expectClose(results[0].v, results[1].v, 1e-10, 1e-6, 'v');
}

describe('adam on WebGPU matches the CPU reference', () => {
  for (const c of adamCases) {
    test(`${c.name} [${c.length}], ${c.steps} consecutive steps`, () => expectSameOnBoth(c));
  }

  test('twenty steps recorded without a submit: every step keeps its own step size', async () => {
    await expectSameOnBoth({
      name: 'many',
      length: 37,
      settings: kerasDefaults,
      steps: 20,
      atol: 1e-7,
      rtol: 1e-6,
    });
  });

  test('past the per-dimension workgroup limit the grid folds to 2-D', async () => {
    const length = 64 * (gpu.device.limits.maxComputeWorkgroupsPerDimension + 1) + 3;
    await expectSameOnBoth({
      name: 'folded',
      length,
      settings: kerasDefaults,
      steps: 2,
      atol: 1e-7,
      rtol: 1e-6,
    });
  });
});

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

test('elements past the length are left alone (the kernel works in quads)', async () => {
  for (const length of [1, 6, 10, 13]) {
    const [param, m, v, grad] = [gpu.alloc(16), gpu.alloc(16), gpu.alloc(16), gpu.alloc(16)];
    const sentinel = Float32Array.from({ length: 16 }, (_, i) => 100 + i);
    for (const s of [param, m, v]) gpu.write(s, sentinel);
    gpu.write(grad, randomArray(16, length));
    gpu.adam(param, m, v, grad, length, { stepSize: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 });
    const [p, mm, vv] = [await gpu.read(param, 16), await gpu.read(m, 16), await gpu.read(v, 16)];
    for (const [name, got] of [
      ['param', p],
      ['m', mm],
      ['v', vv],
    ] as const)
      expect(Array.from(got.subarray(length)), `${name}, length ${length}`).toEqual(
        Array.from(sentinel.subarray(length)),
      );
    expect(p[length - 1]).not.toBe(sentinel[length - 1]);
    for (const s of [param, m, v, grad]) gpu.free(s);
  }
});
