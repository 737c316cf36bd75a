// What a kernel's cases file exports, and what runs it: `run(backend, case)` (the driver: inputs
// written, the kernel recorded, outputs read back) and `suite`, its cases bound to that driver as
// checks. One generic GPU test (tests/gpu/kernels.gpu.test.ts) and gpu:check's conformance
// (scripts/gpuCheck/conformance.ts) run every suite, each comparing a backend with the CPU reference.
// A suite lives in tests/cases/<id>.cases.ts for a kernel id of the table (it may cover more ids:
// conv2d's covers its gradients); loadSuites() finds them by id, so nothing lists them.
import type { Backend, KernelId, Storage } from '../../src/backend/backend';
import { cpuKernels } from '../../src/backend/cpu/kernels';

/** How one output is compared: within atol + rtol·|expected|; NaN and ±Inf must match exactly. */
export interface Tolerance {
  atol: number;
  rtol: number;
  /** An expected NaN accepts any value (WGSL leaves arithmetic on NaN and Inf indeterminate). */
  nanIsAny?: boolean;
}

export type Outputs = ArrayLike<number>[];

/** One case of a kernel bound to its driver. */
export interface KernelCheck {
  /** What is checked, as reports name it: the kernel id, or a variant ('matmul (tiled)'). */
  kernel: string;
  name: string;
  run(backend: Backend): Promise<Outputs>;
  /** One per output of run(). */
  tolerances: Tolerance[];
  /**
   * What must hold of the outputs whatever the reference says (a mode that leaves a buffer alone,
   * a count that accumulates): the first problem in words, or null.
   */
  holds?(outputs: Outputs): string | null;
}

export interface KernelSuite {
  /** The kernel ids of the table these checks cover. */
  kernels: KernelId[];
  /** The case table, as checks. `backend` is the one under test (its limits size some cases). */
  checks(backend: Backend): KernelCheck[];
  /**
   * Large shapes, run many times by gpu:check (repeats must agree bit for bit). `scale` 1 is full
   * size, 4 a quarter of the rows.
   */
  stress?(scale: number): KernelCheck[];
}

/** Every kernel id of the table. */
export const KERNEL_IDS = Object.keys(cpuKernels) as KernelId[];

/** The suites of tests/cases/<id>.cases.ts, for every kernel id that has such a file. */
export async function loadSuites(): Promise<{ id: KernelId; suite: KernelSuite }[]> {
  const found: { id: KernelId; suite: KernelSuite }[] = [];
  for (const id of KERNEL_IDS) {
    let module: { suite?: KernelSuite };
    try {
      module = await import(`./${id}.cases.ts`);
    } catch {
      continue; // covered by another id's suite (the project test says whether it is)
    }
    if (module.suite) found.push({ id, suite: module.suite });
  }
  return found;
}

/** The first element out of tolerance, in words, or null. */
export function mismatch(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  t: Tolerance,
): string | null {
  if (actual.length !== expected.length) return `length ${actual.length}, expected ${expected.length}`;
  for (let i = 0; i < expected.length; i++) {
    const [a, e] = [actual[i], expected[i]];
    if (Number.isNaN(e)) {
      if (t.nanIsAny || Number.isNaN(a)) continue;
    } else if (!Number.isFinite(e)) {
      if (a === e) continue;
    } else if (Math.abs(a - e) <= t.atol + t.rtol * Math.abs(e)) {
      continue;
    }
    return `element ${i} is ${a}, expected ${e} (atol ${t.atol}, rtol ${t.rtol})`;
  }
  return null;
}

/** A storage holding `data`. */
export function upload(b: Backend, data: Float32Array | Uint32Array): Storage {
  const s = b.alloc(Math.max(1, data.length));
  b.write(s, data);
  return s;
}

/**
 * Writes inputs, records into poisoned outputs (NaN, or 0xdeadbeef for u32 ones: a pooled buffer
 * may hold old results), reads them back, frees everything.
 */
export async function runKernel(
  b: Backend,
  inputs: (Float32Array | Uint32Array)[],
  outLengths: number[],
  record: (outs: Storage[], ins: Storage[]) => void,
  u32Outputs: boolean[] = [],
): Promise<Outputs> {
  const ins = inputs.map((data) => upload(b, data));
  const outs = outLengths.map((length, i) =>
    upload(
      b,
      u32Outputs[i] ? new Uint32Array(length).fill(0xdeadbeef) : new Float32Array(length).fill(Number.NaN),
    ),
  );
  record(outs, ins);
  const read = await Promise.all(
    outs.map((s, i) => (u32Outputs[i] ? b.readU32(s, outLengths[i]) : b.read(s, outLengths[i]))),
  );
  for (const s of [...ins, ...outs]) b.free(s);
  return read;
}

/** Exact equality, for indices, counts and bit-for-bit results. */
export const EXACT: Tolerance = { atol: 0, rtol: 0 };

/**
 * Workgroups per grid dimension on the backend under test, where it has a device (past it a 1-D
 * kernel folds its grid to 2-D); null on the CPU.
 */
export function workgroupsPerDimension(b: Backend): number | null {
  const device = (b as { device?: { limits: { maxComputeWorkgroupsPerDimension: number } } }).device;
  return device?.limits.maxComputeWorkgroupsPerDimension ?? null;
}
