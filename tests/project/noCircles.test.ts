// No import circles in src/ or scripts/. A circle means two files are one idea split badly: neither
// can be read, tested or loaded without the other, and module start-up order starts to matter.
// Type-only imports count too: a type borrowed from a file still ties the reader to it, and the
// circle `backend.ts` ↔ `cpu/kernels.ts` (an interface written as `typeof` an implementation) was one.
import { expect, test } from 'vitest';
import { circles, importGraph, resolve, specifiersOf } from './importGraph';

test('the graph sees static, type-only, dynamic and new URL imports', () => {
  const text = [
    "import type { A } from './a';",
    "import {\n  b,\n} from '../b';",
    "export * from './c';",
    "const d = await import('./d');",
    "new Worker(new URL('../worker/main.ts', import.meta.url));",
    "import x from 'react';",
  ].join('\n');
  expect(specifiersOf(text).sort()).toEqual(['../b', '../worker/main.ts', './a', './c', './d']);
  expect(resolve('src/page/client.ts', '../worker/main.ts')).toBe('src/worker/main.ts');
  expect(resolve('src/page/client.ts', './store')).toBe('src/page/store/index.ts');
});

test('the check finds a circle when there is one', () => {
  const graph = new Map([
    ['a', ['b']],
    ['b', ['c']],
    ['c', ['a', 'd']],
    ['d', []],
  ]);
  expect(circles(graph)).toEqual([['a', 'b', 'c']]);
});

test('no file in src/ or scripts/ is part of an import circle', () => {
  const found = circles(importGraph(['src', 'scripts'])).map((circle) => circle.join(' ↔ '));
  expect(found).toEqual([]);
});
