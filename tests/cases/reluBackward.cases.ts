// Lengths and values for reluBackward, shared by the CPU and GPU tests. y is a ReLU output, so
// about half of a random y is exactly 0, where the gradient must be 0.
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
