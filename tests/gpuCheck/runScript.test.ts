import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';

// The pack's run.sh as a stranger's machine sees it (env -i), in its dry run: which driver and
// results folder it picks. The full pack is tested by hand (docs/gpu-check.md).
const dryRun = (env: Record<string, string>, args: string[] = []) =>
  spawnSync('scripts/gpuPack/run.sh', args, {
    encoding: 'utf8',
    env: { PATH: '/usr/bin:/bin', GPU_PACK_DRY_RUN: '1', ...env },
  });
// Each dry run asks every candidate python to import torch (seconds each where torch is installed,
// more on a busy machine): the tests wait for the script, however long it takes.
const SCRIPT_RUNS = 300_000;

test(
  'run.sh honours VK_ICD_FILENAMES and VK_DRIVER_FILES, and writes results where told',
  () => {
    const out = join(mkdtempSync(join(tmpdir(), 'run-sh-')), 'results');
    const named = dryRun({ VK_ICD_FILENAMES: '/somewhere/icd.json' }, [out, '--quick']);
    expect(named.status).toBe(0);
    expect(named.stdout).toContain('VK_ICD_FILENAMES=/somewhere/icd.json');
    expect(named.stdout).toContain(`results in ${out}`);
    const driver = dryRun({ VK_DRIVER_FILES: '/elsewhere/nvidia_icd.json', OUT: out });
    expect(driver.stdout).toContain('VK_DRIVER_FILES=/elsewhere/nvidia_icd.json');
    expect(driver.stdout).toContain(`results in ${out}`);
  },
  SCRIPT_RUNS,
);

test(
  'run.sh lends the packed libraries only to a machine without its own',
  () => {
    const bare = mkdtempSync(join(tmpdir(), 'bare-'));
    const lent = dryRun({ GPU_PACK_SYSTEM_LIB_DIRS: bare });
    // An H200 machine had no libGLdispatch.so.0: NVIDIA's Vulkan driver failed to load without it.
    for (const dir of ['lib/vulkan', 'lib/cxx', 'lib/glvnd']) expect(lent.stdout).toContain(`/${dir}`);
    const full = mkdtempSync(join(tmpdir(), 'full-'));
    for (const lib of ['libvulkan.so.1', 'libstdc++.so.6', 'libGLdispatch.so.0'])
      writeFileSync(join(full, lib), '');
    const own = dryRun({ GPU_PACK_SYSTEM_LIB_DIRS: full });
    for (const dir of ['lib/vulkan', 'lib/cxx', 'lib/glvnd']) expect(own.stdout).not.toContain(`/${dir}`);
  },
  SCRIPT_RUNS,
);
