import { describe, test } from 'vitest';
import { addCases } from '../cases/add.cases';
import { cpuBackend, expectClose, gpuBackend, randomArray } from './harness';

const gpu = await gpuBackend();
const cpu = cpuBackend();

/** out += x twice, as when a tensor feeds two ops; reads out after each. */
async function run(length: number, out: Float32Array, x: Float32Array) {
  const results = [];
  for (const backend of [gpu, cpu]) {
    const [so, sx] = [backend.alloc(length), backend.alloc(length)];
    backend.write(so, out);
    backend.write(sx, x);
    backend.add(so, sx, length);
    const once = await backend.read(so);
    backend.add(so, sx, length);
    results.push({ once, twice: await backend.read(so) });
    for (const s of [so, sx]) backend.free(s);
  }
  return results;
}

describe('add on WebGPU matches the CPU reference', () => {
  for (const c of addCases) {
    test(`${c.name} [${c.length}], accumulated twice`, async () => {
      const out = c.out ? Float32Array.from(c.out) : randomArray(c.length, c.length * 3);
      const x = c.x ? Float32Array.from(c.x) : randomArray(c.length, c.length * 7);
      const [onGpu, onCpu] = await run(c.length, out, x);
      expectClose(onGpu.once, onCpu.once, c.atol, c.rtol, 'out + x');
      expectClose(onGpu.twice, onCpu.twice, c.atol, c.rtol, 'out + 2x');
    });
  }

  test('past the per-dimension workgroup limit the grid folds to 2-D', async () => {
    const length = 64 * (gpu.device.limits.maxComputeWorkgroupsPerDimension + 1) + 3;
    const [onGpu, onCpu] = await run(length, randomArray(length, 1), randomArray(length, 2));
    expectClose(onGpu.twice, onCpu.twice, 0, 0, 'out + 2x');
  });
});
