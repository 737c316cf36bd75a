import { describe, test } from 'vitest';
import { biasAddReluCases } from '../cases/biasAddRelu.cases';
import { cpuBackend, expectClose, gpuBackend, randomArray } from './harness';

const gpu = await gpuBackend();
const cpu = cpuBackend();

async function run(rows: number, cols: number, relu: boolean, x: Float32Array, bias: Float32Array) {
  const results = [];
  for (const backend of [gpu, cpu]) {
    const [sx, sb, so] = [backend.alloc(x.length), backend.alloc(bias.length), backend.alloc(rows * cols)];
    backend.write(sx, x);
    backend.write(sb, bias);
    backend.fill(so, Number.NaN); // a pooled buffer may hold old results; NaN fails any comparison
    backend.biasAddRelu(so, sx, sb, rows, cols, relu);
    results.push(await backend.read(so));
    for (const s of [sx, sb, so]) backend.free(s);
  }
  return results;
}

describe('biasAddRelu on WebGPU matches the CPU reference', () => {
  for (const c of biasAddReluCases) {
    test(`${c.name} [${c.rows}x${c.cols}]${c.relu ? ' relu' : ''}`, async () => {
      const x = c.x ? Float32Array.from(c.x) : randomArray(c.rows * c.cols, c.rows * 7 + c.cols);
      const bias = c.bias ? Float32Array.from(c.bias) : randomArray(c.cols, c.cols * 13);
      const [onGpu, onCpu] = await run(c.rows, c.cols, c.relu, x, bias);
      expectClose(onGpu, onCpu, c.atol, c.rtol, 'out');
    });
  }

  test('past the per-dimension workgroup limit the grid folds to 2-D', async () => {
    const cols = 10;
    const rows = Math.ceil((64 * (gpu.device.limits.maxComputeWorkgroupsPerDimension + 1)) / cols) + 3;
    const [onGpu, onCpu] = await run(rows, cols, true, randomArray(rows * cols, 1), randomArray(cols, 2));
    expectClose(onGpu, onCpu, 0, 0, 'out');
  });
});
