import { describe, expect, test } from 'vitest';
import { optimizerInputs } from '../cases/optimizerInputs';
import { kerasDefaults, type RmspropCase, rmspropCases } from '../cases/rmsprop.cases';
import { cpuBackend, expectClose, gpuBackend, randomArray } from './harness';

const gpu = await gpuBackend();
const cpu = cpuBackend();

async function expectSameOnBoth(c: RmspropCase) {
  const {
    param,
    state: [meanSquare],
    grads,
  } = optimizerInputs(c, [c.meanSquare]);
  const results = [];
  for (const backend of [gpu, cpu]) {
    const [sp, sms] = [backend.alloc(c.length), backend.alloc(c.length)];
    const sg = grads.map(() => backend.alloc(c.length));
    backend.write(sp, param);
    backend.write(sms, meanSquare);
    for (const [s, g] of grads.entries()) backend.write(sg[s], g);
    // All steps recorded back to back: each must see the state the previous one wrote.
    for (const g of sg) backend.rmsprop(sp, sms, g, c.length, c.hyper);
    results.push({ param: await backend.read(sp), meanSquare: await backend.read(sms) });
    for (const s of [sp, sms, ...sg]) backend.free(s);
  }
  expectClose(results[0].param, results[1].param, c.atol, c.rtol, 'param');
  expectClose(results[0].meanSquare, results[1].meanSquare, 1e-12, 1e-6, 'meanSquare');
}

describe('rmsprop on WebGPU matches the CPU reference', () => {
  for (const c of rmspropCases) {
    test(`${c.name} [${c.length}], ${c.steps} consecutive steps`, () => expectSameOnBoth(c));
  }

  test('past the per-dimension workgroup limit the grid folds to 2-D', async () => {
    const length = 64 * (gpu.device.limits.maxComputeWorkgroupsPerDimension + 1) + 3;
    await expectSameOnBoth({
      name: 'folded',
      length,
      hyper: kerasDefaults,
      steps: 2,
      atol: 1e-7,
      rtol: 1e-6,
    });
  });
});

test('elements past the length are left alone (the kernel works in quads)', async () => {
  for (const length of [1, 6, 10, 13]) {
    const [param, meanSquare, grad] = [gpu.alloc(16), gpu.alloc(16), gpu.alloc(16)];
    const sentinel = Float32Array.from({ length: 16 }, (_, i) => 100 + i);
    gpu.write(param, sentinel);
    gpu.write(meanSquare, sentinel);
    gpu.write(grad, randomArray(16, length));
    gpu.rmsprop(param, meanSquare, grad, length, kerasDefaults);
    const [p, ms] = [await gpu.read(param, 16), await gpu.read(meanSquare, 16)];
    expect(Array.from(p.subarray(length)), `param, length ${length}`).toEqual(
      Array.from(sentinel.subarray(length)),
    );
    expect(Array.from(ms.subarray(length)), `meanSquare, length ${length}`).toEqual(
      Array.from(sentinel.subarray(length)),
    );
    expect(p[length - 1]).not.toBe(sentinel[length - 1]);
    for (const s of [param, meanSquare, grad]) gpu.free(s);
  }
});
