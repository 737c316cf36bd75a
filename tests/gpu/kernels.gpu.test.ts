// Every kernel on WebGPU against its CPU reference: each suite of tests/cases/<id>.cases.ts (the
// same checks gpu:check's conformance runs), every output within its tolerance, and what must hold
// of the outputs (a mode that leaves a buffer alone, a count that accumulates). Adding a kernel
// adds its cases file; nothing here changes.
import { describe, expect, test } from 'vitest';
import { loadSuites, mismatch } from '../cases/kernelSuite';
import { cpuBackend, gpuBackend } from './harness';

const gpu = await gpuBackend();
const cpu = cpuBackend();

for (const { id, suite } of await loadSuites()) {
  describe(`${id} on WebGPU matches the CPU reference`, () => {
    for (const check of suite.checks(gpu)) {
      test(`${check.kernel}: ${check.name}`, async () => {
        const expected = await check.run(cpu);
        const actual = await check.run(gpu);
        expect(actual.length, 'outputs').toBe(check.tolerances.length);
        for (const [i, t] of check.tolerances.entries())
          expect(mismatch(actual[i], expected[i], t), `output ${i}`).toBeNull();
        expect(check.holds?.(actual) ?? null).toBeNull();
      });
    }
  });
}
