import { describe, test } from 'vitest';
import { sumRowsCases } from '../cases/sumRows.cases';
import { cpuBackend, expectClose, gpuBackend, randomArray } from './harness';

const gpu = await gpuBackend();
const cpu = cpuBackend();

describe('sumRows on WebGPU matches the CPU reference', () => {
  for (const c of sumRowsCases) {
    test(`${c.name} [${c.rows}x${c.cols}]`, async () => {
      const x = c.x ? Float32Array.from(c.x) : randomArray(c.rows * c.cols, c.rows * 11 + c.cols);
      const results = [];
      for (const backend of [gpu, cpu]) {
        const [sx, so] = [backend.alloc(x.length), backend.alloc(c.cols)];
        backend.write(sx, x);
        backend.fill(so, Number.NaN); // a pooled buffer may hold old results; NaN fails any comparison
        backend.sumRows(so, sx, c.rows, c.cols);
        results.push(await backend.read(so));
        for (const s of [sx, so]) backend.free(s);
      }
      expectClose(results[0], results[1], c.atol, c.rtol, 'out');
    });
  }
});
