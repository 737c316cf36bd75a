// Shapes and values for biasAddRelu, shared by the CPU and GPU tests: the model's layers, the
// 96-row last batch, one row, one column, sizes that are not multiples of the 64-wide workgroup,
// and ReLU exactly at 0. With its driver, run on every backend by the GPU test and gpu:check.
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
export interface BiasAddReluCase {
  name: string;
  rows: number;
  cols: number;
  relu: boolean;
  /** Explicit inputs; random in [-1, 1) when absent. */
  x?: number[];
  bias?: number[];
  /** Hand-computed output, checked by the CPU test. */
  expected?: number[];
  atol: number;
  rtol: number;
}

// One f32 addition per element is correctly rounded in WGSL, and the reference's float64 sum of two
// floats is exact before its one rounding on store, so the two must agree bit for bit.
const exact = { atol: 0, rtol: 0 };

export const biasAddReluCases: BiasAddReluCase[] = [
  {
    name: 'ReLU exactly at 0 gives 0',
    rows: 2,
    cols: 3,
    relu: true,
    x: [1, -2, 0.5, 0, 3, -0.25],
    bias: [-1, 2, -0.5],
    expected: [0, 0, 0, 0, 5, 0],
    ...exact,
  },
  {
    name: 'no ReLU keeps negatives',
    rows: 1,
    cols: 3,
    relu: false,
    x: [-1, 0, 2],
    bias: [0.5, -0.5, 1],
    expected: [-0.5, -0.5, 3],
    ...exact,
  },
  { name: 'single element', rows: 1, cols: 1, relu: true, ...exact },
  { name: 'single row', rows: 1, cols: 10, relu: true, ...exact },
  { name: 'cols = 1', rows: 37, cols: 1, relu: true, ...exact },
  { name: 'nothing divides 64', rows: 67, cols: 131, relu: true, ...exact },
  { name: 'hidden layer, full batch', rows: 128, cols: 512, relu: true, ...exact },
  { name: 'hidden layer, last batch of 96', rows: 96, cols: 512, relu: true, ...exact },
  { name: 'output layer (no ReLU)', rows: 128, cols: 10, relu: false, ...exact },
];

/** out = x + bias (then ReLU), into a poisoned output. */
export function run(
  b: Backend,
  c: { rows: number; cols: number; relu: boolean; x: Float32Array; bias: Float32Array },
): Promise<Outputs> {
  return runKernel(b, [c.x, c.bias], [c.rows * c.cols], ([o], [sx, sb]) =>
    b.biasAddRelu(o, sx, sb, c.rows, c.cols, c.relu),
  );
}

export const suite: KernelSuite = {
  kernels: ['biasAddRelu'],
  checks: (backend) => {
    const checks: KernelCheck[] = biasAddReluCases.map((c) => {
      const x = c.x ? Float32Array.from(c.x) : randomArray(c.rows * c.cols, c.rows * 7 + c.cols);
      const bias = c.bias ? Float32Array.from(c.bias) : randomArray(c.cols, c.cols * 13);
      return {
        kernel: 'biasAddRelu',
        name: `${c.name} [${c.rows}x${c.cols}]${c.relu ? ' relu' : ''}`,
        run: (b) => run(b, { ...c, x, bias }),
        tolerances: [c],
      };
    });
    const grid = workgroupsPerDimension(backend);
    if (grid) {
      // Past the per-dimension workgroup limit the grid folds to 2-D.
      const cols = 10;
      const rows = Math.ceil((64 * (grid + 1)) / cols) + 3;
      const c = { rows, cols, relu: true, x: randomArray(rows * cols, 1), bias: randomArray(cols, 2) };
      checks.push({
        kernel: 'biasAddRelu',
        name: `a 2-D grid [${rows}x${cols}]`,
        run: (b) => run(b, c),
        tolerances: [EXACT],
      });
    }
    return checks;
  },
};
