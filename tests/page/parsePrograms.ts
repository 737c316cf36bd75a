// The Code view's programs checked by their languages' own parsers (Python's ast, Node's --check).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Python's own parser: throws with Python's message when the program is not valid Python. */
export function parsePython(program: string): void {
  execFileSync('python3', ['-c', 'import ast,sys; ast.parse(sys.stdin.read())'], {
    input: program,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

/** Node's parser, for a module (top-level await, import). */
export function parseModule(program: string): void {
  const file = join(mkdtempSync(join(tmpdir(), 'program-')), 'program.mjs');
  writeFileSync(file, program);
  execFileSync(process.execPath, ['--check', file], { stdio: ['ignore', 'pipe', 'pipe'] });
}
