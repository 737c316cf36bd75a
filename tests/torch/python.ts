// Python with PyTorch for the tests that run the app's PyTorch program for real. The first of
// $PYTHON, /usr/bin/python3 (Debian's python3-torch) and python3 that imports torch; none fails
// the test with how to get one (never a skip). PyTorch runs on one thread: the machines are small
// and shared.
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { torchProgram } from '../../src/page/programs/torchProgram';
import type { Settings } from '../../src/protocol/settings';

export const MNIST_DIR = fileURLToPath(new URL('../../public/mnist', import.meta.url));
const CHECKS = fileURLToPath(new URL('./torchChecks.py', import.meta.url));
const ONE_THREAD = { ...process.env, OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };

let found: string | null = null;

export function pythonWithTorch(): string {
  if (found) return found;
  const candidates = [process.env.PYTHON, '/usr/bin/python3', 'python3'].filter((p): p is string => !!p);
  for (const candidate of candidates) {
    const probe = spawnSync(candidate, ['-c', 'import torch'], { stdio: 'ignore' });
    if (probe.status === 0) {
      found = candidate;
      return candidate;
    }
  }
  throw new Error(
    `No Python with PyTorch among ${candidates.join(', ')}: install Debian's python3-torch ` +
      '(apt-get install python3-torch; .ci/run does) or set PYTHON to a python that has torch.',
  );
}

export interface PythonRun {
  stdout: string;
  stderr: string;
  code: number;
}

/** Runs python with `args`; resolves with its output and exit code (it does not throw on failure). */
export function runPython(args: string[], timeoutMs = 600_000): Promise<PythonRun> {
  return new Promise((resolve, reject) => {
    execFile(
      pythonWithTorch(),
      args,
      { env: ONE_THREAD, maxBuffer: 256 * 1024 * 1024, timeout: timeoutMs },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') reject(error);
        else resolve({ stdout, stderr, code: typeof error?.code === 'number' ? error.code : 0 });
      },
    );
  });
}

/** The generated program run as a script, with torch.set_num_threads(1) before it starts. */
export function runProgram(program: string, args: string[]): Promise<PythonRun> {
  const start = `import runpy, sys, torch; torch.set_num_threads(1); sys.argv = ${JSON.stringify([program, ...args])}; runpy.run_path(sys.argv[0], run_name="__main__")`;
  return runPython(['-c', start]);
}

/** One of tests/torch/torchChecks.py's commands; its JSON answer. */
export async function torchCheck<T>(command: string, ...args: string[]): Promise<T> {
  const run = await runPython([CHECKS, command, ...args]);
  if (run.code !== 0) throw new Error(`torchChecks.py ${command} failed (${run.code}):\n${run.stderr}`);
  return JSON.parse(run.stdout) as T;
}

/** A fresh folder for a test's files. */
export const scratch = () => mkdtempSync(join(tmpdir(), 'torch-'));

/** The PyTorch program for `settings`, written into `dir`; its path. */
export function writeProgram(dir: string, settings: Settings, name = 'digits_torch.py'): string {
  const path = join(dir, name);
  writeFileSync(path, torchProgram(settings));
  return path;
}
