import { describe, test } from 'vitest';
import type { Backend, Storage } from '../../src/backend/backend';
import { conv2dCases } from '../cases/conv2d.cases';
import { cpuBackend, expectClose, gpuBackend, randomArray } from './harness';

const gpu = await gpuBackend();
const cpu = cpuBackend();

/** Uploads `inputs`, records one kernel into a NaN-poisoned output (every element must be written), reads it. */
async function run(
  b: Backend,
  inputs: Float32Array[],
  outLength: number,
  record: (out: Storage, ins: Storage[]) => void,
): Promise<Float32Array> {
  const ins = inputs.map((data) => {
    const s = b.alloc(data.length);
    b.write(s, data);
    return s;
  });
  const out = b.alloc(outLength);
  b.write(out, new Float32Array(outLength).fill(Number.NaN));
  record(out, ins);
  const result = await b.read(out, outLength);
  for (const s of [...ins, out]) b.free(s);
  return result;
}

/** The same kernel on both backends from the same random inputs; f32 error grows like sqrt(k). */
async function compare(
  seed: number,
  sizes: number[],
  outLength: number,
  k: number,
  record: (b: Backend, out: Storage, ins: Storage[]) => void,
) {
  const inputs = sizes.map((size, i) => randomArray(size, seed + 31 * i));
  const [actual, expected] = await Promise.all(
    [gpu, cpu].map((b) => run(b, inputs, outLength, (out, ins) => record(b, out, ins))),
  );
  expectClose(actual, expected, 4e-5 * Math.sqrt(k), 1e-4, 'output');
}

describe('conv2d kernels on WebGPU match the CPU reference', () => {
  for (const c of conv2dCases) {
    const pixels = c.batch * (c.height - 2) * (c.width - 2);
    const xSize = c.batch * c.height * c.width * c.inChannels;
    const ySize = pixels * c.outChannels;
    const wSize = 9 * c.inChannels * c.outChannels;
    const seed = c.height * 7 + c.outChannels;
    const label = `${c.name} [${c.batch},${c.height},${c.width},${c.inChannels}] -> ${c.outChannels}`;

    test(`forward: ${label}`, () =>
      compare(seed, [xSize, wSize], ySize, 9 * c.inChannels, (b, y, [x, w]) => b.conv2d(y, x, w, c)));

    test(`input gradient: ${label}`, () =>
      compare(seed, [ySize, wSize], xSize, 9 * c.outChannels, (b, dx, [dy, w]) =>
        b.conv2dInputGrad(dx, dy, w, c),
      ));

    test(`kernel gradient in ${c.splits} partial sums: ${label}`, () =>
      compare(seed, [xSize, ySize], c.splits * wSize, Math.ceil(pixels / c.splits), (b, out, [x, dy]) =>
        b.conv2dKernelGrad(out, x, dy, c, c.splits),
      ));
  }
});
