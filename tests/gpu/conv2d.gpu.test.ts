import { describe, test } from 'vitest';
import type { Backend } from '../../src/backend/backend';
import { type Conv2dCase, conv2dCases } from '../cases/conv2d.cases';
import { cpuBackend, expectClose, gpuBackend, randomArray } from './harness';

const gpu = await gpuBackend();
const cpu = cpuBackend();

type Run = (b: Backend, c: Conv2dCase, inputs: Float32Array[]) => Promise<Float32Array>;

/** Runs the same kernel on both backends from the same inputs and compares. */
async function compare(c: Conv2dCase, sizes: number[], run: Run, k: number, what: string) {
  const inputs = sizes.map((size, i) => randomArray(size, 31 * i + c.height * 7 + c.outChannels));
  const [actual, expected] = [await run(gpu, c, inputs), await run(cpu, c, inputs)];
  // f32 sums of k products in another order: the error grows like sqrt(k).
  expectClose(actual, expected, 1e-5 * Math.sqrt(k) * 4, 1e-4, what);
}

function upload(b: Backend, data: Float32Array) {
  const s = b.alloc(data.length);
  b.write(s, data);
  return s;
}

async function once(
  b: Backend,
  inputs: Float32Array[],
  outLength: number,
  record: (out: never, ...ins: never[]) => void,
) {
  const ins = inputs.map((d) => upload(b, d));
  // Poisoned output: every element must be written.
  const out = upload(b, new Float32Array(outLength).fill(Number.NaN));
  (record as (...s: unknown[]) => void)(out, ...ins);
  const result = await b.read(out, outLength);
  for (const s of [...ins, out]) b.free(s);
  return result;
}

describe('conv2d kernels on WebGPU match the CPU reference', () => {
  for (const c of conv2dCases) {
    const xSize = c.batch * c.height * c.width * c.inChannels;
    const ySize = c.batch * (c.height - 2) * (c.width - 2) * c.outChannels;
    const wSize = 9 * c.inChannels * c.outChannels;
    const label = `[${c.batch},${c.height},${c.width},${c.inChannels}] -> ${c.outChannels}`;

    test(`forward: ${c.name} ${label}`, () =>
      compare(
        c,
        [xSize, wSize],
        (b, c, [x, w]) => once(b, [x, w], ySize, (y, xs, ws) => b.conv2d(y, xs, ws, c)),
        9 * c.inChannels,
        'y',
      ));

    test(`input gradient: ${c.name} ${label}`, () =>
      compare(
        c,
        [ySize, wSize],
        (b, c, [dy, w]) => once(b, [dy, w], xSize, (dx, dys, ws) => b.conv2dInputGrad(dx, dys, ws, c)),
        9 * c.outChannels,
        'dx',
      ));

    test(`kernel gradient in ${c.splits} partial sums: ${c.name} ${label}`, () =>
      compare(
        c,
        [xSize, ySize],
        (b, c, [x, dy]) =>
          once(b, [x, dy], c.splits * wSize, (out, xs, dys) => b.conv2dKernelGrad(out, xs, dys, c, c.splits)),
        ySize / c.outChannels / c.splits,
        'dw',
      ));
  }
});
