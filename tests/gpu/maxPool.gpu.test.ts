import { describe, expect, test } from 'vitest';
import { maxPoolCases } from '../cases/conv2d.cases';
import { cpuBackend, expectClose, gpuBackend, randomArray } from './harness';

const gpu = await gpuBackend();
const cpu = cpuBackend();

describe('maxPool and its backward on WebGPU match the CPU reference', () => {
  for (const c of maxPoolCases) {
    test(`${c.name} [${c.batch},${c.height},${c.width},${c.channels}]`, async () => {
      const inSize = c.batch * c.height * c.width * c.channels;
      const outSize = c.batch * Math.floor(c.height / 2) * Math.floor(c.width / 2) * c.channels;
      // Values on a coarse grid, so windows hold ties and the tie rule is exercised too.
      const x = randomArray(inSize, c.height * 3 + c.channels).map((v) => Math.round(v * 4));
      const dy = randomArray(outSize, 99, 1, 2);
      const results = [];
      for (const b of [gpu, cpu]) {
        const [xs, ys, arg, dys, dxs] = [
          b.alloc(inSize),
          b.alloc(Math.max(1, outSize)),
          b.alloc(Math.max(1, outSize)),
          b.alloc(Math.max(1, outSize)),
          b.alloc(inSize),
        ];
        b.write(xs, x);
        b.write(dys, dy);
        b.write(dxs, new Float32Array(inSize).fill(Number.NaN));
        b.maxPool(ys, arg, xs, c);
        b.maxPoolBackward(dxs, dys, arg, c);
        results.push({
          y: await b.read(ys, outSize),
          argmax: await b.readU32(arg, outSize),
          dx: await b.read(dxs, inSize),
        });
        for (const s of [xs, ys, arg, dys, dxs]) b.free(s);
      }
      const [g, r] = results;
      expectClose(g.y, r.y, 0, 0, 'y');
      expect(Array.from(g.argmax)).toEqual(Array.from(r.argmax));
      expectClose(g.dx, r.dx, 0, 0, 'dx');
    });
  }
});
