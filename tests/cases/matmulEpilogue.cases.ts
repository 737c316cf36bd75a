// The epilogues a matmul can end with (MatmulEpilogue), shared by the CPU and GPU tests. The
// reference is the composition of the kernels each part replaces (cpu/kernels.ts matmul).
export interface EpilogueCase {
  label: string;
  bias?: boolean;
  relu?: boolean;
  mask?: boolean;
  columnSums?: boolean;
}

export const epilogueCases: EpilogueCase[] = [
  { label: 'bias', bias: true },
  { label: 'bias + ReLU', bias: true, relu: true },
  { label: 'ReLU mask', mask: true },
  { label: 'column sums', columnSums: true },
  { label: 'bias + ReLU + mask + column sums', bias: true, relu: true, mask: true, columnSums: true },
];
