import { spawnSync } from 'node:child_process';
import { expect, test } from 'vitest';
import { vulkanEnv } from '../../scripts/node/vulkanEnv.mjs';

// The engine as others use it: the built library (npm run build:lib, through the package's exports
// map), imported by a plain Node program that trains a small model on Dawn's WebGPU.
test('the built library, imported by its package name, trains a model to well above chance', () => {
  const build = spawnSync('npm', ['run', 'build:lib'], { encoding: 'utf8' });
  expect(build.status, build.stderr).toBe(0);

  const run = spawnSync(process.execPath, ['tests/library/trainWithLibrary.mjs'], {
    encoding: 'utf8',
    env: vulkanEnv(),
    timeout: 540_000,
  });
  expect(run.status, run.stderr.slice(-3000)).toBe(0);
  const result = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}');
  expect(result.library).toMatch(/\/dist-lib\/index\.js$/);
  expect(result.adapter).toBeTruthy();
  expect(result.trainAccuracy).toHaveLength(5);
  expect(result.test.accuracy).toBeGreaterThan(0.8); // 4,000 images, 5 epochs (0.868 on SwiftShader); chance is 0.1
}, 600_000);
