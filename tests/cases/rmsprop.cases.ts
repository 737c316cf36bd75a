// Parameter sizes, hyperparameters and step sequences for rmsprop, shared by the CPU and GPU tests.
import type { RmspropHyper } from '../../src/backend/backend';

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
