import { describe, test } from 'vitest';
import { reluBackwardCases } from '../cases/reluBackward.cases';
import { cpuBackend, expectClose, gpuBackend, randomArray } from './harness';

const gpu = await gpuBackend();
const cpu = cpuBackend();

async function run(length: number, dy: Float32Array, y: Float32Array) {
  const results = [];
  for (const backend of [gpu, cpu]) {
    const [sdy, sy, sdx] = [backend.alloc(length), backend.alloc(length), backend.alloc(length)];
    backend.write(sdy, dy);
    backend.write(sy, y);
    backend.fill(sdx, Number.NaN); // a pooled buffer may hold old results; NaN fails any comparison
    backend.reluBackward(sdx, sdy, sy, length);
    results.push(await backend.read(sdx));
    for (const s of [sdy, sy, sdx]) backend.free(s);
  }
  return results;
}

/** A ReLU output: about half its elements exactly 0. */
const reluOutput = (length: number, seed: number) => randomArray(length, seed).map((v) => Math.max(v, 0));

describe('reluBackward on WebGPU matches the CPU reference', () => {
  for (const c of reluBackwardCases) {
    test(`${c.name} [${c.length}]`, async () => {
      const dy = c.dy ? Float32Array.from(c.dy) : randomArray(c.length, c.length * 3);
      const y = c.y ? Float32Array.from(c.y) : reluOutput(c.length, c.length * 5);
      const [onGpu, onCpu] = await run(c.length, dy, y);
      expectClose(onGpu, onCpu, c.atol, c.rtol, 'dx');
    });
  }

  test('past the per-dimension workgroup limit the grid folds to 2-D', async () => {
    const length = 64 * (gpu.device.limits.maxComputeWorkgroupsPerDimension + 1) + 3;
    const [onGpu, onCpu] = await run(length, randomArray(length, 1), reluOutput(length, 2));
    expectClose(onGpu, onCpu, 0, 0, 'dx');
  });
});
