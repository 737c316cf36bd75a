// Shapes for sumRows (the bias gradient), shared by the CPU test, and its driver, run on every
// backend by the GPU test and gpu:check.
import type { Backend } from '../../src/backend/backend';
import { type KernelSuite, type Outputs, runKernel } from './kernelSuite';
import { randomArray } from './random';
export interface SumRowsCase {
  name: string;
  rows: number;
  cols: number;
  /** Explicit input; random in [-1, 1) when absent. */
  x?: number[];
  /** Hand-computed sums, checked by the CPU test. */
  expected?: number[];
  atol: number;
  rtol: number;
}

// The GPU keeps an f32 running sum, the reference a float64 one: the difference grows with rows
// (about sqrt(rows) * 6e-8 * |partial sums| for values in [-1, 1)), so atol scales with rows.
export const sumRowsCases: SumRowsCase[] = [
  { name: 'hand example', rows: 3, cols: 2, x: [1, 2, 3, 4, 5, 6], expected: [9, 12], atol: 0, rtol: 0 },
  { name: 'single row is a copy', rows: 1, cols: 10, atol: 0, rtol: 0 },
  { name: 'single element', rows: 1, cols: 1, atol: 0, rtol: 0 },
  { name: 'cols = 1', rows: 128, cols: 1, atol: 2e-5, rtol: 1e-6 },
  { name: 'nothing divides 64', rows: 67, cols: 131, atol: 1e-5, rtol: 1e-6 },
  { name: 'hidden bias gradient, full batch', rows: 128, cols: 512, atol: 2e-5, rtol: 1e-6 },
  { name: 'hidden bias gradient, last batch of 96', rows: 96, cols: 512, atol: 2e-5, rtol: 1e-6 },
  { name: 'output bias gradient', rows: 128, cols: 10, atol: 2e-5, rtol: 1e-6 },
  { name: 'many rows, few columns', rows: 1000, cols: 3, atol: 2e-4, rtol: 1e-6 },
];

/** The column sums of x [rows, cols], into a poisoned output. */
export function run(b: Backend, c: { rows: number; cols: number; x: Float32Array }): Promise<Outputs> {
  return runKernel(b, [c.x], [c.cols], ([o], [sx]) => b.sumRows(o, sx, c.rows, c.cols));
}

export const suite: KernelSuite = {
  kernels: ['sumRows'],
  checks: () =>
    sumRowsCases.map((c) => {
      const x = c.x ? Float32Array.from(c.x) : randomArray(c.rows * c.cols, c.rows * 11 + c.cols);
      return {
        kernel: 'sumRows',
        name: `${c.name} [${c.rows}x${c.cols}]`,
        run: (b) => run(b, { ...c, x }),
        tolerances: [c],
      };
    }),
  stress: (scale) => {
    const rows = Math.ceil(10_000 / scale);
    const x = randomArray(rows * 512, 9);
    return [
      {
        kernel: 'sumRows',
        name: `stress: [${rows}x512]`,
        run: (b) => run(b, { rows, cols: 512, x }),
        tolerances: [{ atol: 2e-4 * Math.sqrt(rows / 1000), rtol: 1e-5 }],
      },
    ];
  },
};
