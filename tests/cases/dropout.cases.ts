// Lengths, rates and steps for dropout, shared by the CPU test, and its driver, run on every backend
// by the GPU test and gpu:check. Kept units are x · 1/(1 − rate) in f32, dropped ones exactly 0, so
// the GPU must agree with the reference bit for bit.
import type { Backend, DropoutMask } from '../../src/backend/backend';
import {
  EXACT,
  type KernelCheck,
  type KernelSuite,
  type Outputs,
  runKernel,
  workgroupsPerDimension,
} from './kernelSuite';
import { randomArray } from './random';

export interface DropoutCase {
  name: string;
  length: number;
  mask: DropoutMask;
}

const mask = (rate: number, step = 0, seed = 1, salt = 0): DropoutMask => ({ rate, seed, step, salt });

export const dropoutCases: DropoutCase[] = [
  { name: 'rate 0 keeps everything', length: 100, mask: mask(0) },
  { name: 'single element', length: 1, mask: mask(0.5) },
  { name: 'one short of a workgroup', length: 63, mask: mask(0.5, 7) },
  { name: 'one past a workgroup', length: 65, mask: mask(0.25, 3, 42, 2) },
  { name: 'rate 0.999', length: 1000, mask: mask(0.999, 11) },
  { name: 'dense 512 after Dense, batch 128', length: 128 * 512, mask: mask(0.5, 1234, 7, 1) },
  { name: 'conv 26x26x32, batch 5', length: 5 * 26 * 26 * 32, mask: mask(0.2, 2 ** 31 + 5, 2 ** 32 - 1, 9) },
  { name: 'odd length, step 0, seed 0', length: 9973, mask: mask(0.7, 0, 0, 0) },
];

/** The kernel on x, into a poisoned output. */
export function run(b: Backend, c: { length: number; x: Float32Array; mask: DropoutMask }): Promise<Outputs> {
  return runKernel(b, [c.x], [c.length], ([out], [x]) => b.dropout(out, x, c.length, c.mask));
}

/** Each output is x · 1/(1 − rate) or 0, and about 1 − rate of them are kept (on long outputs). */
function holds(c: DropoutCase, x: Float32Array) {
  return ([out]: Outputs): string | null => {
    const scale = Math.fround(1 / (1 - c.mask.rate));
    let kept = 0;
    for (let i = 0; i < c.length; i++) {
      if (out[i] === 0 && x[i] !== 0) continue;
      if (out[i] !== Math.fround(x[i] * scale))
        return `element ${i} is ${out[i]}, neither 0 nor x/(1 − rate)`;
      kept++;
    }
    const expected = (1 - c.mask.rate) * c.length;
    if (c.length >= 1000 && Math.abs(kept - expected) > 5 * Math.sqrt(expected + 1))
      return `${kept} of ${c.length} kept, expected about ${expected.toFixed(0)}`;
    return null;
  };
}

export const suite: KernelSuite = {
  kernels: ['dropout'],
  checks: (backend) => {
    const checks: KernelCheck[] = dropoutCases.map((c) => {
      const x = randomArray(c.length, c.length * 3 + 1);
      return {
        kernel: 'dropout',
        name: `${c.name} [${c.length}], rate ${c.mask.rate}`,
        run: (b) => run(b, { ...c, x }),
        tolerances: [EXACT],
        holds: holds(c, x),
      };
    });
    const grid = workgroupsPerDimension(backend);
    if (grid) {
      // Past the per-dimension workgroup limit the grid folds to 2-D.
      const length = 64 * (grid + 1) + 3;
      const c = { name: '', length, mask: mask(0.5, 5) };
      const x = randomArray(length, 1);
      checks.push({
        kernel: 'dropout',
        name: `a 2-D grid [${length}]`,
        run: (b) => run(b, { ...c, x }),
        tolerances: [EXACT],
        holds: holds(c, x),
      });
    }
    return checks;
  },
};
