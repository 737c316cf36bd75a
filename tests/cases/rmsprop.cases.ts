// Parameter sizes, hyperparameters and step sequences for rmsprop, shared by the CPU test, and its
// driver, run on every backend by the GPU test and gpu:check.
import type { Backend, RmspropHyper } from '../../src/backend/backend';
import type { KernelCheck, KernelSuite, Outputs } from './kernelSuite';
import { workgroupsPerDimension } from './kernelSuite';
import { optimizerInputs, PAST_LENGTH, pastLengthInputs, runSteps } from './optimizerInputs';
import { randomArray } from './random';

export interface RmspropCase {
  name: string;
  length: number;
  hyper: RmspropHyper;
  /** Consecutive steps, each with its own gradient. */
  steps: number;
  /** Explicit state and gradients (one array per step); when absent param is random in [-1, 1),
   * meanSquare starts at 0 as in training, and gradients are random in [-gradScale, gradScale). */
  param?: number[];
  meanSquare?: number[];
  grads?: number[][];
  gradScale?: number;
  /** Hand-computed state after all steps, checked by the CPU test. */
  expected?: { param: number[]; meanSquare: number[] };
  atol: number;
  rtol: number;
}

/** keras.optimizers.RMSprop defaults. */
export const kerasDefaults: RmspropHyper = { learningRate: 0.001, rho: 0.9, epsilon: 1e-7 };

// The GPU computes in f32 with 2.5-ULP sqrt and division; the reference rounds once from float64.
// Both are a few ULP of a param in [-1, 1), hence atol 1e-7 plus a relative allowance.
const tol = { atol: 1e-7, rtol: 1e-6 };

export const rmspropCases: RmspropCase[] = [
  {
    name: 'zero gradient: param unchanged, meanSquare decays by rho each step',
    length: 4,
    hyper: kerasDefaults,
    steps: 3,
    param: [0.5, -2, 3, 0],
    meanSquare: [0.04, 1, 0, 0.5],
    grads: [
      [0, 0, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
    ],
    expected: { param: [0.5, -2, 3, 0], meanSquare: [0.04 * 0.729, 0.729, 0, 0.5 * 0.729] },
    ...tol,
  },
  {
    // ms = 0.1 * 4 = 0.4; step = 0.01 * 2 / sqrt(0.4 + 1e-7).
    name: 'hand example, one step',
    length: 2,
    hyper: { learningRate: 0.01, rho: 0.9, epsilon: 1e-7 },
    steps: 1,
    param: [1, -1],
    meanSquare: [0, 0],
    grads: [[2, -2]],
    expected: {
      param: [1 - 0.02 / Math.sqrt(0.4 + 1e-7), -1 + 0.02 / Math.sqrt(0.4 + 1e-7)],
      meanSquare: [0.4, 0.4],
    },
    ...tol,
  },
  { name: 'single element, three steps', length: 1, hyper: kerasDefaults, steps: 3, ...tol },
  { name: 'output bias, three steps', length: 10, hyper: kerasDefaults, steps: 3, ...tol },
  { name: 'not a multiple of 64, five steps', length: 65, hyper: kerasDefaults, steps: 5, ...tol },
  {
    name: 'hidden bias, realistic gradients',
    length: 512,
    hyper: kerasDefaults,
    steps: 3,
    gradScale: 1e-3,
    ...tol,
  },
  { name: 'dense 2 weights 512x10', length: 512 * 10, hyper: kerasDefaults, steps: 3, ...tol },
  {
    name: 'dense 1 weights 784x512',
    length: 784 * 512,
    hyper: kerasDefaults,
    steps: 3,
    gradScale: 1e-2,
    ...tol,
  },
  {
    name: 'other hyperparameters',
    length: 100,
    hyper: { learningRate: 0.05, rho: 0.5, epsilon: 1e-3 },
    steps: 3,
    ...tol,
  },
];

type Inputs = ReturnType<typeof optimizerInputs>;

/** The case's steps, back to back: param and meanSquare after them, `capacity` words each. */
export function run(b: Backend, c: RmspropCase, inputs: Inputs, capacity = c.length): Promise<Outputs> {
  return runSteps(b, inputs, capacity, (param, [meanSquare], grad) =>
    b.rmsprop(param, meanSquare, grad, c.length, c.hyper),
  );
}

function check(
  c: RmspropCase,
  name: string,
  inputs = optimizerInputs(c, [c.meanSquare]),
  capacity?: number,
): KernelCheck {
  return {
    kernel: 'rmsprop',
    name,
    run: (b) => run(b, c, inputs, capacity),
    tolerances: [c, { atol: 1e-12, rtol: 1e-6 }],
  };
}

export const suite: KernelSuite = {
  kernels: ['rmsprop'],
  checks: (backend) => {
    const checks = rmspropCases.map((c) => check(c, `${c.name} [${c.length}], ${c.steps} consecutive steps`));
    for (const length of PAST_LENGTH) {
      const c = { name: '', length, hyper: kerasDefaults, steps: 1, atol: 1e-7, rtol: 1e-6 };
      checks.push(check(c, `words past length ${length} left alone`, pastLengthInputs(length, 1), 16));
    }
    const grid = workgroupsPerDimension(backend);
    if (grid) {
      // Past the per-dimension workgroup limit the grid folds to 2-D.
      const length = 64 * (grid + 1) + 3;
      checks.push(
        check(
          { name: '', length, hyper: kerasDefaults, steps: 2, atol: 1e-7, rtol: 1e-6 },
          `a 2-D grid [${length}]`,
        ),
      );
    }
    return checks;
  },
  stress: () => {
    const length = 784 * 512;
    const c = { name: 'stress', length, hyper: kerasDefaults, steps: 1, atol: 1e-7, rtol: 1e-6 };
    const inputs = {
      param: randomArray(length, 12),
      state: [new Float32Array(length)],
      grads: [randomArray(length, 13, -1e-2, 1e-2)],
    };
    return [check(c, `stress: [${length}], one step`, inputs)];
  },
};
