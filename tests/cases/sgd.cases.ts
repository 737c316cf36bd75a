// Parameter sizes, hyperparameters and step sequences for sgd, shared by the CPU test, and its
// driver, run on every backend by the GPU test and gpu:check.
import type { Backend, SgdHyper } from '../../src/backend/backend';
import type { KernelCheck, KernelSuite, Outputs } from './kernelSuite';
import { workgroupsPerDimension } from './kernelSuite';
import { optimizerInputs, PAST_LENGTH, pastLengthInputs, runSteps } from './optimizerInputs';

export interface SgdCase {
  name: string;
  length: number;
  hyper: SgdHyper;
  /** Consecutive steps, each with its own gradient. */
  steps: number;
  /** Explicit state and gradients (one array per step); when absent param is random in [-1, 1),
   * velocity starts at 0 as in training, and gradients are random in [-gradScale, gradScale). */
  param?: number[];
  velocity?: number[];
  grads?: number[][];
  gradScale?: number;
  /** Hand-computed state after all steps, checked by the CPU test. */
  expected?: { param: number[]; velocity?: number[] };
  atol: number;
  rtol: number;
}

/** keras.optimizers.SGD defaults: plain gradient descent. */
export const kerasDefaults: SgdHyper = { learningRate: 0.01, momentum: 0, nesterov: false };
export const withMomentum: SgdHyper = { learningRate: 0.01, momentum: 0.9, nesterov: false };
export const nesterov: SgdHyper = { learningRate: 0.01, momentum: 0.9, nesterov: true };

// f32 arithmetic on the GPU against a reference rounded once from float64: a few ULP of a param.
const tol = { atol: 1e-7, rtol: 1e-6 };

export const sgdCases: SgdCase[] = [
  {
    // 1 - 0.1 * 2 = 0.8, then 0.8 - 0.1 * -1 = 0.9.
    name: 'hand example, plain, two steps',
    length: 2,
    hyper: { learningRate: 0.1, momentum: 0, nesterov: false },
    steps: 2,
    param: [1, -1],
    grads: [
      [2, 0],
      [-1, 0],
    ],
    expected: { param: [0.9, -1] },
    ...tol,
  },
  {
    // v = -0.2, p = 0.8; then v = 0.5 * -0.2 - 0.1 * 1 = -0.2, p = 0.6.
    name: 'hand example, momentum, two steps',
    length: 1,
    hyper: { learningRate: 0.1, momentum: 0.5, nesterov: false },
    steps: 2,
    param: [1],
    velocity: [0],
    grads: [[2], [1]],
    expected: { param: [0.6], velocity: [-0.2] },
    ...tol,
  },
  {
    // v = -0.2, p = 1 + 0.5 * -0.2 - 0.2 = 0.7; then v = -0.2, p = 0.7 + 0.5 * -0.2 - 0.1 = 0.5.
    name: 'hand example, Nesterov, two steps',
    length: 1,
    hyper: { learningRate: 0.1, momentum: 0.5, nesterov: true },
    steps: 2,
    param: [1],
    velocity: [0],
    grads: [[2], [1]],
    expected: { param: [0.5], velocity: [-0.2] },
    ...tol,
  },
  {
    name: 'zero gradient with momentum: param keeps moving, velocity decays',
    length: 4,
    hyper: withMomentum,
    steps: 2,
    param: [0.5, -2, 3, 0],
    velocity: [0.1, -0.1, 0, 1],
    grads: [
      [0, 0, 0, 0],
      [0, 0, 0, 0],
    ],
    expected: {
      param: [0.5 + 0.09 + 0.081, -2 - 0.171, 3, 0 + 0.9 + 0.81],
      velocity: [0.081, -0.081, 0, 0.81],
    },
    ...tol,
  },
  { name: 'single element, three steps', length: 1, hyper: kerasDefaults, steps: 3, ...tol },
  { name: 'output bias, momentum, three steps', length: 10, hyper: withMomentum, steps: 3, ...tol },
  { name: 'not a multiple of 4, Nesterov, five steps', length: 65, hyper: nesterov, steps: 5, ...tol },
  { name: 'not a multiple of 4, plain, five steps', length: 131, hyper: kerasDefaults, steps: 5, ...tol },
  { name: 'dense 2 weights 512x10, momentum', length: 512 * 10, hyper: withMomentum, steps: 3, ...tol },
  {
    name: 'dense 1 weights 784x512, Nesterov',
    length: 784 * 512,
    hyper: nesterov,
    steps: 3,
    gradScale: 1e-2,
    ...tol,
  },
];

type Inputs = ReturnType<typeof optimizerInputs>;

/**
 * The case's steps, back to back: param and velocity after them, `capacity` words each. Momentum 0
 * keeps no velocity: the kernel gets none, unless `passVelocity` (then it must write none of it).
 */
export function run(
  b: Backend,
  c: SgdCase,
  inputs: Inputs,
  capacity = c.length,
  passVelocity = false,
): Promise<Outputs> {
  const keepsVelocity = passVelocity || c.hyper.momentum !== 0;
  return runSteps(b, inputs, capacity, (param, [velocity], grad) =>
    b.sgd(param, keepsVelocity ? velocity : null, grad, c.length, c.hyper),
  );
}

function check(
  c: SgdCase,
  name: string,
  inputs = optimizerInputs(c, [c.velocity]),
  capacity?: number,
): KernelCheck {
  return {
    kernel: 'sgd',
    name,
    run: (b) => run(b, c, inputs, capacity, capacity !== undefined),
    tolerances: [c, { atol: 1e-8, rtol: 1e-6 }],
  };
}

export const suite: KernelSuite = {
  kernels: ['sgd'],
  checks: (backend) => {
    const checks = sgdCases.map((c) => check(c, `${c.name} [${c.length}], ${c.steps} consecutive steps`));
    for (const hyper of [withMomentum, nesterov, { ...withMomentum, momentum: 0 }])
      for (const length of PAST_LENGTH) {
        const c = { name: '', length, hyper, steps: 1, atol: 1e-7, rtol: 1e-6 };
        const name = `momentum ${hyper.momentum}${hyper.nesterov ? ' nesterov' : ''}: words past length ${length} left alone`;
        checks.push(check(c, name, pastLengthInputs(length, 1), 16));
      }
    const grid = workgroupsPerDimension(backend);
    if (grid) {
      // Past the per-dimension workgroup limit the grid folds to 2-D.
      const length = 64 * (grid + 1) + 3;
      checks.push(
        check(
          { name: '', length, hyper: nesterov, steps: 2, atol: 1e-7, rtol: 1e-6 },
          `a 2-D grid [${length}]`,
        ),
      );
    }
    return checks;
  },
};
