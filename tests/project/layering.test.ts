// The layering, checked on the imports themselves: a folder of src/ imports only from folders to its
// left (data → backend → engine → nn → protocol → worker | page → ui), the worker and the page
// (page/, ui/, main.tsx) never import each other, and the engine (engine/, nn/) never imports the
// WebGPU backend. Type-only imports count too: they are dependencies all the same.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const SRC = join(dirname(fileURLToPath(import.meta.url)), '../../src');
const RANK: Record<string, number> = {
  data: 0,
  backend: 1,
  engine: 2,
  nn: 3,
  protocol: 4,
  worker: 5,
  page: 5,
  ui: 6,
};
/** Files at the top of src/: the page's entry, and the engine's public entry. */
const ROOT: Record<string, { side: 'page' | 'engine' }> = {
  'main.tsx': { side: 'page' },
  'index.ts': { side: 'engine' },
};

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Every module a file imports or re-exports from, as a path relative to src/ (or outside it). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/^\s*(?:import|export)\s[^'";]*?['"]([^'"]+)['"]/gm)].map((m) => m[1]);
  return specifiers
    .filter((s) => s.startsWith('.'))
    .map((s) => relative(SRC, join(dirname(file), s.replace(/\?raw$/, ''))));
}

const folderOf = (path: string) => (path.includes('/') ? path.split('/')[0] : null);

function problems(from: string, to: string): string[] {
  const found: string[] = [];
  const source = folderOf(from);
  const target = folderOf(to);
  if (to.startsWith('..')) {
    // Outside src/: only the WGSL the backend's kernel wrappers load.
    if (!(source === 'backend' && to.startsWith('../shaders/'))) found.push('imports from outside src/');
    return found;
  }
  if (source === null) {
    const side = ROOT[from]?.side;
    if (!side) found.push('is a file at the top of src/ that the layering does not know');
    if (side === 'page' && (target === 'worker' || target === null))
      found.push('(the page) imports worker code');
    if (side === 'engine' && target !== null && RANK[target] > RANK.nn)
      found.push('(the engine entry) imports from the app');
    return found;
  }
  if (target === null) return [`imports the top-level ${to}`];
  if (!(source in RANK) || !(target in RANK))
    return [`is in a folder the layering does not know (${source} → ${target})`];
  if (source !== target && RANK[target] >= RANK[source])
    found.push(`imports ${target}/, which is not to the left of ${source}/`);
  const pageSide = source === 'page' || source === 'ui';
  if (pageSide && target === 'worker') found.push('(the page) imports worker code');
  if (source === 'worker' && (target === 'page' || target === 'ui'))
    found.push('(the worker) imports page code');
  if ((source === 'engine' || source === 'nn') && to.startsWith('backend/webgpu/'))
    found.push('(the engine) imports the WebGPU backend');
  return found;
}

const edges = sources(SRC).flatMap((file) => {
  const from = relative(SRC, file);
  return importsOf(file).map((to) => ({ from, to }));
});

test('the imports are read (the check is not vacuous)', () => {
  expect(edges.length).toBeGreaterThan(200);
  expect(edges).toContainEqual({ from: 'worker/trainer.ts', to: 'worker/run' });
  expect(edges).toContainEqual({ from: 'backend/webgpu/kernels/matmul.ts', to: '../shaders/matmul.wgsl' });
});

test('every import goes left, the worker and the page stay apart, the engine stays off WebGPU', () => {
  const found = edges.flatMap(({ from, to }) => problems(from, to).map((p) => `src/${from} → ${to}: ${p}`));
  expect(found).toEqual([]);
});

test('the check catches what it is for', () => {
  expect(problems('page/keeper.ts', 'worker/model')).toContain('(the page) imports worker code');
  expect(problems('ui/App.tsx', 'worker/trainer')).toContain('(the page) imports worker code');
  expect(problems('worker/run.ts', 'page/store')).not.toEqual([]);
  expect(problems('nn/warmUp.ts', 'backend/webgpu/webgpuBackend')).toContain(
    '(the engine) imports the WebGPU backend',
  );
  expect(problems('data/mnist.ts', 'nn/sequential')).not.toEqual([]);
  expect(problems('main.tsx', 'worker/main')).toContain('(the page) imports worker code');
});
