// A kernel in four places: its shader, its CPU reference, its line(s) in the kernel tables, and its
// cases file. Every kernel id of the table must be covered by the suite of a tests/cases/<id>.cases.ts
// (the generic GPU test and gpu:check find the suites by id, so a kernel without one would go
// untested on the GPU without a word).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { KERNEL_IDS, loadSuites } from '../cases/kernelSuite';
import { ROOT } from './importGraph';

test('every kernel id in the table is covered by a cases file', async () => {
  const covered = new Set((await loadSuites()).flatMap(({ suite }) => suite.kernels));
  expect(KERNEL_IDS.filter((id) => !covered.has(id))).toEqual([]);
});

test('every suite is in a file named for a kernel id, so the suites are found', async () => {
  const found = new Set((await loadSuites()).map(({ id }) => `${id}.cases.ts`));
  const withSuite = readdirSync(join(ROOT, 'tests/cases')).filter((file) => file.endsWith('.cases.ts'));
  const lost = withSuite.filter(
    (file) =>
      /export const suite\b/.test(readFileSync(join(ROOT, 'tests/cases', file), 'utf8')) && !found.has(file),
  );
  expect(lost).toEqual([]);
});
