// The inputs of an optimizer case (sgd, rmsprop and adam .cases.ts), shared by the GPU tests and
// gpu:check: the case's own parameter, state and gradients where it gives them, else seeded random
// ones (the state starting at zero, as in training), so both runs see the same numbers.
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
