// The inputs of an optimizer case (sgd, rmsprop and adam .cases.ts), shared by the GPU tests and
// gpu:check: the case's own parameter, state and gradients where it gives them, else seeded random
// ones (the state starting at zero, as in training), so both runs see the same numbers.
import type { Backend, Storage } from '../../src/backend/backend';
import { type Outputs, upload } from './kernelSuite';
import { randomArray } from './random';

export interface OptimizerCase {
  length: number;
  steps: number;
  param?: number[];
  grads?: number[][];
  /** Random gradients are drawn from [-gradScale, gradScale). */
  gradScale?: number;
}

/** `state`: the case's starting state arrays, in the kernel's order (undefined: zeros). */
export function optimizerInputs(c: OptimizerCase, state: (number[] | undefined)[]) {
  const scale = c.gradScale ?? 1;
  return {
    param: c.param ? Float32Array.from(c.param) : randomArray(c.length, c.length * 3),
    state: state.map((s) => (s ? Float32Array.from(s) : new Float32Array(c.length))),
    grads: Array.from({ length: c.steps }, (_, step) =>
      c.grads ? Float32Array.from(c.grads[step]) : randomArray(c.length, c.length * 5 + step, -scale, scale),
    ),
  };
}

/**
 * The optimizers' driver: param and state uploaded, every step recorded back to back (each must see
 * the state the previous one wrote), then param and state read back, `capacity` words each (more
 * than the kernel's length: the words past it must be left alone).
 */
export async function runSteps(
  b: Backend,
  inputs: { param: Float32Array; state: Float32Array[]; grads: Float32Array[] },
  capacity: number,
  step: (param: Storage, state: Storage[], grad: Storage, s: number) => void,
): Promise<Outputs> {
  const [param, ...state] = [inputs.param, ...inputs.state].map((data) => upload(b, data));
  const grads = inputs.grads.map((g) => upload(b, g));
  for (const [s, g] of grads.entries()) step(param, state, g, s);
  const got = [];
  for (const s of [param, ...state]) got.push(await b.read(s, capacity));
  for (const s of [param, ...state, ...grads]) b.free(s);
  return got;
}

/** Inputs for the words-past-the-length cases: 16 words of sentinels (100, 101, ...), and gradients. */
export function pastLengthInputs(length: number, stateArrays: number) {
  const sentinel = () => Float32Array.from({ length: 16 }, (_, i) => 100 + i);
  return {
    param: sentinel(),
    state: Array.from({ length: stateArrays }, sentinel),
    grads: [randomArray(16, length)],
  };
}

/** The kernels work in quads: lengths that end inside one, or on its edge. */
export const PAST_LENGTH = [1, 6, 10, 13];
