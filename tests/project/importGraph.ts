// The import graph of the project's own code, read from the text of each file: static imports and
// re-exports (type-only ones included), `import('…')`, and `new URL('…', import.meta.url)` (how the
// page starts its worker). Only relative specifiers are followed; packages are outside the graph.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');

const CODE = /\.(ts|tsx|mts|js|mjs)$/;

/** Every code file under a folder of the repository, as a path relative to the repository root. */
export function codeFiles(folder: string): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return walk(path);
      return CODE.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
    });
  return walk(join(ROOT, folder)).map((path) => relative(ROOT, path));
}

const PATTERNS = [
  /^\s*(?:import|export)\s[^'";]*?['"]([^'"]+)['"]/gm,
  /^\s*import\s+['"]([^'"]+)['"]/gm,
  /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
  /\bnew URL\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url\s*\)/g,
];

/** The relative specifiers a file's text names, in any of the four forms. */
export function specifiersOf(text: string): string[] {
  const found = PATTERNS.flatMap((pattern) => [...text.matchAll(pattern)].map((m) => m[1]));
  return [...new Set(found)].filter((s) => s.startsWith('.'));
}

/** The file a relative specifier lands on (TypeScript's resolution: extension optional, index files). */
export function resolve(from: string, specifier: string): string {
  const bare = join(dirname(join(ROOT, from)), specifier.replace(/\?.*$/, ''));
  const stem = bare.replace(/\.js$/, '');
  const candidates = [
    bare,
    ...['.ts', '.tsx', '.mts', '.js', '.mjs'].map((ext) => stem + ext),
    ...['index.ts', 'index.tsx'].map((index) => join(bare, index)),
  ];
  const hit = candidates.find((path) => existsSync(path) && statSync(path).isFile());
  return relative(ROOT, hit ?? bare);
}

/** file → the files it imports, for the given folders and whatever they reach inside the repository. */
export function importGraph(folders: string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const pending = folders.flatMap(codeFiles);
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (graph.has(file)) continue;
    const text =
      CODE.test(file) && existsSync(join(ROOT, file)) ? readFileSync(join(ROOT, file), 'utf8') : '';
    const targets = specifiersOf(text).map((s) => resolve(file, s));
    graph.set(file, targets);
    pending.push(...targets.filter((t) => CODE.test(t) && !graph.has(t)));
  }
  return graph;
}

/** Every circle in the graph (Tarjan's strongly connected components of more than one file, or a self-import). */
export function circles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    index.set(node, next);
    low.set(node, next);
    next += 1;
    stack.push(node);
    onStack.add(node);
    for (const target of graph.get(node) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node) as number, low.get(target) as number));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node) as number, index.get(target) as number));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? []).includes(node)) found.push(component.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return found;
}
