// Files that fit on a few screens: no code file in src/ or scripts/ over 300 lines. A file past that
// is almost always two ideas; split it by idea (see STYLE.md), not by cutting it in half.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { codeFiles, ROOT } from './importGraph';

const MAX_LINES = 300;

test(`no file in src/ or scripts/ is over ${MAX_LINES} lines`, () => {
  const over = ['src', 'scripts']
    .flatMap(codeFiles)
    .map((file) => ({ file, lines: readFileSync(join(ROOT, file), 'utf8').split('\n').length - 1 }))
    .filter(({ lines }) => lines > MAX_LINES)
    .map(({ file, lines }) => `${file}: ${lines} lines`);
  expect(over).toEqual([]);
});
