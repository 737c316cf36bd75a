// Lengths and values for add (gradient accumulation), shared by the CPU and GPU tests.
export interface AddCase {
  name: string;
  length: number;
  /** Explicit inputs; random in [-1, 1) when absent. */
  out?: number[];
  x?: number[];
  /** Hand-computed out + x, checked by the CPU test. */
  expected?: number[];
  atol: number;
  rtol: number;
}

// One correctly rounded f32 addition per element on both sides (see biasAddRelu.cases.ts): exact.
const exact = { atol: 0, rtol: 0 };

export const addCases: AddCase[] = [
  { name: 'hand example', length: 3, out: [1, 2, 3], x: [0.5, -2, 0.25], expected: [1.5, 0, 3.25], ...exact },
  { name: 'single element', length: 1, ...exact },
  { name: 'output bias', length: 10, ...exact },
  { name: 'one short of a workgroup', length: 63, ...exact },
  { name: 'exactly one workgroup', length: 64, ...exact },
  { name: 'one past a workgroup', length: 65, ...exact },
  { name: 'hidden bias', length: 512, ...exact },
  { name: 'dense 2 weights 512x10', length: 512 * 10, ...exact },
  { name: 'dense 1 weights 784x512', length: 784 * 512, ...exact },
];
