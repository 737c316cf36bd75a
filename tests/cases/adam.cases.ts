// Parameter sizes, hyperparameters and step sequences for adam, shared by the CPU test, and its
// driver, run on every backend by the GPU test and gpu:check.
import { type AdamStepHyper, adamStepSize, type Backend } from '../../src/backend/backend';
import type { KernelCheck, KernelSuite, Outputs } from './kernelSuite';
import { workgroupsPerDimension } from './kernelSuite';
import { optimizerInputs, PAST_LENGTH, pastLengthInputs, runSteps } from './optimizerInputs';

/** keras.optimizers.Adam's settings (the kernel gets the bias-corrected step size, AdamStepHyper). */
export interface AdamSettings {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
}

export interface AdamCase {
  name: string;
  length: number;
  settings: AdamSettings;
  /** Steps taken before the first one here (a resumed run's iterations); 0 when absent. */
  iterations?: number;
  /** Consecutive steps, each with its own gradient. */
  steps: number;
  /** Explicit state and gradients (one array per step); when absent param is random in [-1, 1),
   * m and v start at 0 as in training, and gradients are random in [-gradScale, gradScale). */
  param?: number[];
  m?: number[];
  v?: number[];
  grads?: number[][];
  gradScale?: number;
  /** Hand-computed state after all steps, checked by the CPU test. */
  expected?: { param: number[]; m: number[]; v: number[] };
  atol: number;
  rtol: number;
}

/** keras.optimizers.Adam defaults. */
export const kerasDefaults: AdamSettings = { learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 };

/** The kernel's hyperparameters for step `s` (from 0) of a case. */
export function stepHyper(c: AdamCase, s: number): AdamStepHyper {
  const { learningRate, beta1, beta2, epsilon } = c.settings;
  const t = (c.iterations ?? 0) + s + 1;
  return { stepSize: adamStepSize(learningRate, beta1, beta2, t), beta1, beta2, epsilon };
}

// f32 arithmetic on the GPU against a reference rounded once from float64: a few ULP of a param.
const tol = { atol: 1e-7, rtol: 1e-6 };

// First step from zero state, g = 2: m = 0.2, v = 0.004, alpha = 0.001·sqrt(0.001)/0.1.
const alpha1 = (0.001 * Math.sqrt(0.001)) / 0.1;
const firstStep = (alpha1 * 0.2) / (Math.sqrt(0.004) + 1e-7);

export const adamCases: AdamCase[] = [
  {
    name: 'hand example, first step (bias correction makes it about lr)',
    length: 2,
    settings: kerasDefaults,
    steps: 1,
    param: [1, -1],
    m: [0, 0],
    v: [0, 0],
    grads: [[2, -2]],
    expected: { param: [1 - firstStep, -1 + firstStep], m: [0.2, -0.2], v: [0.004, 0.004] },
    ...tol,
  },
  {
    name: 'zero gradient from zero state: nothing moves',
    length: 4,
    settings: kerasDefaults,
    steps: 2,
    param: [0.5, -2, 3, 0],
    m: [0, 0, 0, 0],
    v: [0, 0, 0, 0],
    grads: [
      [0, 0, 0, 0],
      [0, 0, 0, 0],
    ],
    expected: { param: [0.5, -2, 3, 0], m: [0, 0, 0, 0], v: [0, 0, 0, 0] },
    ...tol,
  },
  { name: 'single element, three steps', length: 1, settings: kerasDefaults, steps: 3, ...tol },
  { name: 'output bias, three steps', length: 10, settings: kerasDefaults, steps: 3, ...tol },
  { name: 'not a multiple of 4, five steps', length: 65, settings: kerasDefaults, steps: 5, ...tol },
  {
    name: 'resumed at iteration 1000, not a multiple of 4',
    length: 131,
    settings: kerasDefaults,
    iterations: 1000,
    steps: 3,
    ...tol,
  },
  {
    name: 'hidden bias, realistic gradients',
    length: 512,
    settings: kerasDefaults,
    steps: 3,
    gradScale: 1e-3,
    ...tol,
  },
  { name: 'dense 2 weights 512x10', length: 512 * 10, settings: kerasDefaults, steps: 3, ...tol },
  {
    name: 'dense 1 weights 784x512',
    length: 784 * 512,
    settings: kerasDefaults,
    steps: 3,
    gradScale: 1e-2,
    ...tol,
  },
  {
    name: 'other hyperparameters',
    length: 100,
    settings: { learningRate: 0.05, beta1: 0.5, beta2: 0.9, epsilon: 1e-3 },
    steps: 3,
    ...tol,
  },
];

type Inputs = ReturnType<typeof optimizerInputs>;

/**
 * The case's steps, back to back, each with its own step size: each must see the state the previous
 * one wrote, and its own uniform. param, m and v after them, `capacity` words each.
 */
export function run(b: Backend, c: AdamCase, inputs: Inputs, capacity = c.length): Promise<Outputs> {
  return runSteps(b, inputs, capacity, (param, [m, v], grad, s) =>
    b.adam(param, m, v, grad, c.length, stepHyper(c, s)),
  );
}

function check(
  c: AdamCase,
  name: string,
  inputs = optimizerInputs(c, [c.m, c.v]),
  capacity?: number,
): KernelCheck {
  return {
    kernel: 'adam',
    name,
    run: (b) => run(b, c, inputs, capacity),
    tolerances: [c, { atol: 3e-8, rtol: 1e-6 }, { atol: 1e-10, rtol: 1e-6 }],
  };
}

export const suite: KernelSuite = {
  kernels: ['adam'],
  checks: (backend) => {
    const checks = adamCases.map((c) => check(c, `${c.name} [${c.length}], ${c.steps} consecutive steps`));
    // Twenty steps recorded without a submit: more than the uniform ring has buffers.
    const many = { name: '', length: 37, settings: kerasDefaults, steps: 20, atol: 1e-7, rtol: 1e-6 };
    checks.push(check(many, 'twenty steps recorded without a submit: each keeps its own step size'));
    for (const length of PAST_LENGTH) {
      const c = { name: '', length, settings: kerasDefaults, steps: 1, atol: 1e-7, rtol: 1e-6 };
      checks.push(check(c, `words past length ${length} left alone`, pastLengthInputs(length, 2), 16));
    }
    const grid = workgroupsPerDimension(backend);
    if (grid) {
      // Past the per-dimension workgroup limit the grid folds to 2-D.
      const length = 64 * (grid + 1) + 3;
      checks.push(
        check(
          { name: '', length, settings: kerasDefaults, steps: 2, atol: 1e-7, rtol: 1e-6 },
          `a 2-D grid [${length}]`,
        ),
      );
    }
    return checks;
  },
};
