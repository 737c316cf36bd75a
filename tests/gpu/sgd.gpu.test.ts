import { describe, expect, test } from 'vitest';
import { optimizerInputs } from '../cases/optimizerInputs';
import { nesterov, type SgdCase, sgdCases, withMomentum } from '../cases/sgd.cases';
import { cpuBackend, expectClose, gpuBackend, randomArray } from './harness';

const gpu = await gpuBackend();
const cpu = cpuBackend();

async function expectSameOnBoth(c: SgdCase) {
  const {
    param,
    state: [velocity],
    grads,
  } = optimizerInputs(c, [c.velocity]);
  const keepsVelocity = c.hyper.momentum !== 0;
  const results = [];
  for (const backend of [gpu, cpu]) {
    const sp = backend.alloc(c.length);
    const sv = keepsVelocity ? backend.alloc(c.length) : null;
    const sg = grads.map(() => backend.alloc(c.length));
    backend.write(sp, param);
    if (sv) backend.write(sv, velocity);
    for (const [s, g] of grads.entries()) backend.write(sg[s], g);
    // All steps recorded back to back: each must see the state the previous one wrote.
    for (const g of sg) backend.sgd(sp, sv, g, c.length, c.hyper);
    results.push({ param: await backend.read(sp), velocity: sv ? await backend.read(sv) : null });
    for (const s of [sp, ...sg]) backend.free(s);
    if (sv) backend.free(sv);
  }
  expectClose(results[0].param, results[1].param, c.atol, c.rtol, 'param');
  if (keepsVelocity)
    expectClose(results[0].velocity ?? [], results[1].velocity ?? [], 1e-8, 1e-6, 'velocity');
}

describe('sgd on WebGPU matches the CPU reference', () => {
  for (const c of sgdCases) {
    test(`${c.name} [${c.length}], ${c.steps} consecutive steps`, () => expectSameOnBoth(c));
  }

  test('past the per-dimension workgroup limit the grid folds to 2-D', async () => {
    const length = 64 * (gpu.device.limits.maxComputeWorkgroupsPerDimension + 1) + 3;
    await expectSameOnBoth({ name: 'folded', length, hyper: nesterov, steps: 2, atol: 1e-7, rtol: 1e-6 });
  });
});

test('elements past the length are left alone (the kernel works in quads)', async () => {
  for (const hyper of [withMomentum, nesterov, { ...withMomentum, momentum: 0 }]) {
    for (const length of [1, 6, 10, 13]) {
      const [param, velocity, grad] = [gpu.alloc(16), gpu.alloc(16), gpu.alloc(16)];
      const sentinel = Float32Array.from({ length: 16 }, (_, i) => 100 + i);
      gpu.write(param, sentinel);
      gpu.write(velocity, sentinel);
      gpu.write(grad, randomArray(16, length));
      gpu.sgd(param, velocity, grad, length, hyper);
      const [p, v] = [await gpu.read(param, 16), await gpu.read(velocity, 16)];
      const what = `momentum ${hyper.momentum}, length ${length}`;
      expect(Array.from(p.subarray(length)), `param, ${what}`).toEqual(Array.from(sentinel.subarray(length)));
      // Momentum 0 keeps no velocity: none of it is written.
      const untouched = hyper.momentum === 0 ? 0 : length;
      expect(Array.from(v.subarray(untouched)), `velocity, ${what}`).toEqual(
        Array.from(sentinel.subarray(untouched)),
      );
      expect(p[length - 1]).not.toBe(sentinel[length - 1]);
      for (const s of [param, velocity, grad]) gpu.free(s);
    }
  }
});
