// The regularization's kernels, shared by the CPU test, the GPU test and gpu:check: weightPenalty
// (the penalty added to the reported loss) and the optimizers with the penalty's gradient folded in
// (sgd, rmsprop and adam given a Regularization), on random and awkward lengths.
import type { Backend, Regularization } from '../../src/backend/backend';
import type { KernelCheck, KernelSuite, Outputs } from './kernelSuite';
import { upload } from './kernelSuite';
import { optimizerInputs, runSteps } from './optimizerInputs';
import { randomArray } from './random';

/** Coefficients as a model has them: zero in some spans (biases, unregularized layers), else c. */
export function coefficients(length: number, seed: number, c: number): Float32Array {
  const values = randomArray(length, seed, 0, 1);
  return values.map((v, i) => (i % 97 < 13 ? 0 : c * (0.5 + v)));
}

export interface PenaltyCase {
  name: string;
  length: number;
  rows: number;
  l1: number;
  l2: number;
}

export const penaltyCases: PenaltyCase[] = [
  { name: 'single weight', length: 1, rows: 1, l1: 0.01, l2: 0.01 },
  { name: 'one short of the workgroup', length: 255, rows: 128, l1: 0, l2: 0.001 },
  { name: 'one past the workgroup', length: 257, rows: 7, l1: 1e-4, l2: 0 },
  { name: 'odd length', length: 4099, rows: 96, l1: 1e-5, l2: 1e-4 },
  { name: "the book's MLP's arena", length: 407_104, rows: 128, l1: 0, l2: 0.01 },
];

/** weightPenalty twice into metrics [3, 1, 2, 0] (it accumulates), read after each. */
export async function runPenalty(
  b: Backend,
  c: { length: number; rows: number; w: Float32Array; l1: Float32Array; l2: Float32Array },
): Promise<Outputs> {
  const [metrics, w, l1, l2] = [Float32Array.of(3, 1, 2, 0), c.w, c.l1, c.l2].map((d) => upload(b, d));
  b.weightPenalty(metrics, w, { l1, l2 }, c.length, c.rows);
  const once = await b.read(metrics, 4);
  b.weightPenalty(metrics, w, { l1, l2 }, c.length, c.rows);
  const twice = await b.read(metrics, 4);
  for (const s of [metrics, w, l1, l2]) b.free(s);
  return [once, twice];
}

type Optimizer = 'sgd' | 'rmsprop' | 'adam';
const STATE = { sgd: 1, rmsprop: 1, adam: 2 };

/** `steps` updates of `optimizer` with the regularization: param and state after them. */
export function runRegularized(
  b: Backend,
  optimizer: Optimizer,
  length: number,
  steps: number,
  coefficient: { l1: Float32Array; l2: Float32Array },
): Promise<Outputs> {
  const inputs = optimizerInputs({ length, steps }, Array(STATE[optimizer]).fill(undefined));
  // Some weights exactly 0, where L1's gradient is 0 (sign(0)).
  for (let i = 0; i < length; i += 11) inputs.param[i] = 0;
  const r: Regularization = { l1: upload(b, coefficient.l1), l2: upload(b, coefficient.l2) };
  const done = runSteps(b, inputs, length, (param, state, grad, s) => {
    if (optimizer === 'sgd')
      b.sgd(param, state[0], grad, length, { learningRate: 0.1, momentum: 0.9, nesterov: false }, r);
    else if (optimizer === 'rmsprop')
      b.rmsprop(param, state[0], grad, length, { learningRate: 0.01, rho: 0.9, epsilon: 1e-7 }, r);
    else {
      const stepSize = (0.001 * Math.sqrt(1 - 0.999 ** (s + 1))) / (1 - 0.9 ** (s + 1));
      b.adam(
        param,
        state[0],
        state[1],
        grad,
        length,
        { stepSize, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 },
        r,
      );
    }
  });
  return done.finally(() => {
    b.free(r.l1);
    b.free(r.l2);
  });
}

// f32 sums in a different order (a tree against a loop): a few ULP of the sum per term.
const penaltyTolerance = { atol: 1e-6, rtol: 2e-5 };
// The optimizers' own tolerances (their cases files), with one more f32 product and sum.
const optimizerTolerance = { atol: 1e-6, rtol: 1e-5 };

export const suite: KernelSuite = {
  kernels: ['weightPenalty'],
  checks: () => {
    const checks: KernelCheck[] = penaltyCases.map((c) => {
      const inputs = {
        length: c.length,
        rows: c.rows,
        w: randomArray(c.length, c.length + 1),
        l1: coefficients(c.length, c.length + 2, c.l1),
        l2: coefficients(c.length, c.length + 3, c.l2),
      };
      return {
        kernel: 'weightPenalty',
        name: `${c.name} [${c.length}], ${c.rows} rows, l1 ${c.l1}, l2 ${c.l2}`,
        run: (b) => runPenalty(b, inputs),
        tolerances: [penaltyTolerance, penaltyTolerance],
        holds: ([once, twice]) =>
          once[1] === 1 && once[2] === 2 && once[3] === 0 && twice[1] === 1 ? null : 'other metrics changed',
      };
    });
    for (const optimizer of ['sgd', 'rmsprop', 'adam'] as const)
      for (const [length, steps] of [
        [13, 3],
        [131, 2],
        [512 * 10, 3],
      ]) {
        const coefficient = { l1: coefficients(length, 5, 1e-3), l2: coefficients(length, 6, 1e-2) };
        checks.push({
          kernel: `${optimizer} (regularized)`,
          name: `L1 and L2 folded into the update [${length}], ${steps} steps`,
          run: (b) => runRegularized(b, optimizer, length, steps, coefficient),
          tolerances: Array(1 + STATE[optimizer]).fill(optimizerTolerance),
        });
      }
    return checks;
  },
};
