// `npm run typecheck` (tsc -b) checks only what some tsconfig includes: every TypeScript file in the
// repository must be in one, or it is never checked.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const run = (command: string, args: string[]) =>
  execFileSync(command, args, { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });

test('every TypeScript file in the repository is in a tsconfig that tsc -b checks', () => {
  const references: { path: string }[] = JSON.parse(
    readFileSync(resolve(root, 'tsconfig.json'), 'utf8'),
  ).references;
  expect(references.length).toBeGreaterThan(0);
  const checked = new Set<string>();
  for (const { path } of references) {
    const listed = run(process.execPath, [
      resolve(root, 'node_modules/typescript/bin/tsc'),
      '-p',
      path,
      '--listFilesOnly',
    ]);
    for (const line of listed.split('\n')) if (line.trim()) checked.add(resolve(line.trim()));
  }
  const tracked = run('git', ['ls-files', '--cached', '--others', '--exclude-standard'])
    .split('\n')
    .filter((file) => /\.(ts|tsx|mts|cts)$/.test(file))
    .map((file) => resolve(root, file));
  expect(tracked.length).toBeGreaterThan(50);
  expect(tracked.filter((file) => !checked.has(file))).toEqual([]);
}, 120_000);
