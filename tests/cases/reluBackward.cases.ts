// Lengths and values for reluBackward, shared by the CPU and GPU tests. y is a ReLU output, so
// about half of a random y is exactly 0, where the gradient must be 0. With its driver, run on every
// backend by the GPU test and gpu:check.
import type { Backend } from '../../src/backend/backend';
import {
  EXACT,
  type KernelCheck,
  type KernelSuite,
  type Outputs,
  runKernel,
  workgroupsPerDimension,
} from './kernelSuite';
import { randomArray } from './random';
export interface ReluBackwardCase {
  name: string;
  length: number;
  /** Explicit inputs; when absent dy is random in [-1, 1) and y = max(random, 0). */
  dy?: number[];
  y?: number[];
  /** Hand-computed dx, checked by the CPU test. */
  expected?: number[];
  atol: number;
  rtol: number;
}

// dx is either dy copied or 0: no arithmetic, so exact.
const exact = { atol: 0, rtol: 0 };

export const reluBackwardCases: ReluBackwardCase[] = [
  {
    name: 'gradient at exactly 0 (and -0) is 0',
    length: 7,
    dy: [5, 6, 7, 8, 9, 10, 11],
    y: [0, -0, 1, -1, 1e-30, -1e-30, 3],
    expected: [0, 0, 7, 0, 9, 0, 11],
    ...exact,
  },
  { name: 'single element', length: 1, ...exact },
  { name: 'one short of a workgroup', length: 63, ...exact },
  { name: 'one past a workgroup', length: 65, ...exact },
  { name: 'output layer, last batch of 96', length: 96 * 10, ...exact },
  { name: 'hidden layer, full batch', length: 128 * 512, ...exact },
  { name: 'hidden layer, last batch of 96', length: 96 * 512, ...exact },
];

/** dx = dy where y > 0, else 0, into a poisoned output. */
export function run(b: Backend, c: { length: number; dy: Float32Array; y: Float32Array }): Promise<Outputs> {
  return runKernel(b, [c.dy, c.y], [c.length], ([dx], [sdy, sy]) => b.reluBackward(dx, sdy, sy, c.length));
}

/** A ReLU output: about half its elements exactly 0. */
const reluOutput = (length: number, seed: number) => randomArray(length, seed).map((v) => Math.max(v, 0));

export const suite: KernelSuite = {
  kernels: ['reluBackward'],
  checks: (backend) => {
    const checks: KernelCheck[] = reluBackwardCases.map((c) => {
      const dy = c.dy ? Float32Array.from(c.dy) : randomArray(c.length, c.length * 3);
      const y = c.y ? Float32Array.from(c.y) : reluOutput(c.length, c.length * 5);
      return {
        kernel: 'reluBackward',
        name: `${c.name} [${c.length}]`,
        run: (b) => run(b, { length: c.length, dy, y }),
        tolerances: [c],
      };
    });
    const grid = workgroupsPerDimension(backend);
    if (grid) {
      // Past the per-dimension workgroup limit the grid folds to 2-D.
      const length = 64 * (grid + 1) + 3;
      const c = { length, dy: randomArray(length, 1), y: reluOutput(length, 2) };
      checks.push({
        kernel: 'reluBackward',
        name: `a 2-D grid [${length}]`,
        run: (b) => run(b, c),
        tolerances: [EXACT],
      });
    }
    return checks;
  },
};
