// Lengths and values for add (gradient accumulation), shared by the CPU test, and its driver, run on
// every backend by the GPU test and gpu:check (kernelSuite.ts).
import type { Backend } from '../../src/backend/backend';
import {
  EXACT,
  type KernelCheck,
  type KernelSuite,
  type Outputs,
  upload,
  workgroupsPerDimension,
} from './kernelSuite';
import { randomArray } from './random';

export interface AddCase {
  name: string;
  length: number;
  /** Explicit inputs; random in [-1, 1) when absent. */
  out?: number[];
  x?: number[];
  /** Hand-computed out + x, checked by the CPU test. */
  expected?: number[];
  atol: number;
  rtol: number;
}

// One correctly rounded f32 addition per element on both sides (see biasAddRelu.cases.ts): exact.
const exact = { atol: 0, rtol: 0 };

export const addCases: AddCase[] = [
  { name: 'hand example', length: 3, out: [1, 2, 3], x: [0.5, -2, 0.25], expected: [1.5, 0, 3.25], ...exact },
  { name: 'single element', length: 1, ...exact },
  { name: 'output bias', length: 10, ...exact },
  { name: 'one short of a workgroup', length: 63, ...exact },
  { name: 'exactly one workgroup', length: 64, ...exact },
  { name: 'one past a workgroup', length: 65, ...exact },
  { name: 'hidden bias', length: 512, ...exact },
  { name: 'dense 2 weights 512x10', length: 512 * 10, ...exact },
  { name: 'dense 1 weights 784x512', length: 784 * 512, ...exact },
];

/** out += x twice, as when a tensor feeds two ops; out is read after each. */
export async function run(
  b: Backend,
  c: { length: number; out: Float32Array; x: Float32Array },
): Promise<Outputs> {
  const [so, sx] = [upload(b, c.out), upload(b, c.x)];
  b.add(so, sx, c.length);
  const once = await b.read(so, c.length);
  b.add(so, sx, c.length);
  const twice = await b.read(so, c.length);
  for (const s of [so, sx]) b.free(s);
  return [once, twice];
}

const inputs = (c: AddCase) => ({
  length: c.length,
  out: c.out ? Float32Array.from(c.out) : randomArray(c.length, c.length * 3),
  x: c.x ? Float32Array.from(c.x) : randomArray(c.length, c.length * 7),
});

export const suite: KernelSuite = {
  kernels: ['add'],
  checks: (backend) => {
    const checks: KernelCheck[] = addCases.map((c) => ({
      kernel: 'add',
      name: `${c.name} [${c.length}], accumulated twice`,
      run: (b) => run(b, inputs(c)),
      tolerances: [c, c],
    }));
    const grid = workgroupsPerDimension(backend);
    if (grid) {
      // Past the per-dimension workgroup limit the grid folds to 2-D.
      const length = 64 * (grid + 1) + 3;
      const c = { length, out: randomArray(length, 1), x: randomArray(length, 2) };
      checks.push({
        kernel: 'add',
        name: `a 2-D grid [${length}]`,
        run: (b) => run(b, c),
        tolerances: [EXACT, EXACT],
      });
    }
    return checks;
  },
};
