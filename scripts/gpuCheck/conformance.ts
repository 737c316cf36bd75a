// Conformance: every kernel on the adapter against its CPU reference, on the kernels' suites
// (tests/cases/<id>.cases.ts, the same checks the GPU test runs), then large shapes run many times.
// Every repeat must equal the first bit for bit (no kernel here sums in a data-dependent order), so
// a race or a missing barrier that a real GPU exposes shows up as a repeat that differs, even when
// it stays within the tolerance.

import type { Backend } from '../../src/index';
import { type KernelCheck, loadSuites, mismatch, type Outputs } from '../../tests/cases/kernelSuite';

export { mismatch };

export interface CaseResult {
  kernel: string;
  name: string;
  ok: boolean;
  /** GPU runs compared (1, or the stress repeats). */
  runs: number;
  /** The first problem found, in words. */
  problem?: string;
}

/** Bit-for-bit equality of two runs (NaN payloads aside): the first element that differs, or -1. */
function sameBits(a: ArrayLike<number>, b: ArrayLike<number>): number {
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return i;
  return -1;
}

export interface ConformanceOptions {
  /** GPU runs of each large shape (the stress part); 0 skips it. */
  repeats: number;
  /** Large shapes at full size; false: a quarter of the rows, for quick runs. */
  fullSize: boolean;
  log?: (line: string) => void;
}

/** The first problem of `runs` runs of a check on `gpu` against one on `cpu`, in words, or null. */
async function firstProblem(
  check: KernelCheck,
  gpu: Backend,
  cpu: Backend,
  runs: number,
): Promise<string | null> {
  const expected = await check.run(cpu);
  let first: Outputs | null = null;
  for (let r = 0; r < runs; r++) {
    const actual = await check.run(gpu);
    for (const [i, t] of check.tolerances.entries()) {
      const problem = mismatch(actual[i], expected[i], t);
      if (problem) return `run ${r + 1}, output ${i}: ${problem}`;
      const at = first ? sameBits(actual[i], first[i]) : -1;
      if (first && at >= 0)
        return `run ${r + 1}, output ${i}: element ${at} is ${actual[i][at]}, run 1 gave ${first[i][at]} (the same inputs must give the same bits)`;
    }
    const broken = check.holds?.(actual);
    if (broken) return `run ${r + 1}: ${broken}`;
    first ??= actual;
  }
  return null;
}

/** Runs every check; a thrown error (a device error, a lost device) fails that case, not the run. */
export async function conformance(gpu: Backend, cpu: Backend, o: ConformanceOptions): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  const run = async (check: KernelCheck, runs: number) => {
    const result: CaseResult = { kernel: check.kernel, name: check.name, ok: true, runs };
    try {
      const problem = await firstProblem(check, gpu, cpu, runs);
      if (problem) Object.assign(result, { ok: false, problem });
    } catch (error) {
      Object.assign(result, { ok: false, problem: error instanceof Error ? error.message : String(error) });
    }
    results.push(result);
    if (!result.ok) o.log?.(`FAIL ${check.kernel}: ${check.name}: ${result.problem}`);
  };
  const suites = await loadSuites();
  for (const { suite } of suites) for (const check of suite.checks(gpu)) await run(check, 1);
  o.log?.(`case tables: ${results.filter((r) => r.ok).length}/${results.length} passed`);
  // Large shapes, many runs: a whole epoch's worth of dispatches per shape on a GPU, seconds on a CPU.
  if (o.repeats > 0) {
    const scale = o.fullSize ? 1 : 4;
    for (const { suite } of suites)
      for (const check of suite.stress?.(scale) ?? []) await run(check, o.repeats);
  }
  return results;
}
