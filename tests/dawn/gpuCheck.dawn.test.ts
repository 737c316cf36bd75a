import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';

// npm run gpu:check at small size, as a user runs it: bundled for Node, on Dawn's WebGPU (SwiftShader
// where there is no GPU: .ci/run installs Chromium, whose Vulkan loader and ICD file it uses).
// Every kernel against its reference, a few stress repeats, the gradients, a one-epoch book run on
// 3,000 images, our speed and TF.js wasm's (the CPU peer, a few seconds); the other peers are left
// out to keep it short.
test('gpu:check --quick passes on a real WebGPU adapter and reports what it measured', () => {
  const out = mkdtempSync(join(tmpdir(), 'gpu-check-'));
  const run = spawnSync(
    process.execPath,
    [
      'scripts/gpuCheck.mjs',
      '--quick',
      '--skip',
      'tfjs,torch',
      '--train',
      '3000',
      '--steps',
      '10',
      '--out',
      out,
    ],
    { encoding: 'utf8', timeout: 540_000 },
  );
  const report = JSON.parse(readFileSync(join(out, 'gpu-check.json'), 'utf8'));
  expect(report.failures, run.stdout.slice(-3000)).toEqual([]);
  expect(run.status).toBe(0);
  expect(report.adapter.vendor).toBeTruthy();
  expect(report.conformance.failed).toBe(0);
  expect(report.conformance.passed).toBeGreaterThan(200);
  const kernels = new Set(report.conformance.cases.map((c: { kernel: string }) => c.kernel));
  for (const kernel of [
    'matmul (tiled)',
    'matmul (register)',
    'matmulSparseA',
    'conv2dKernelGrad',
    'training step',
  ])
    expect(kernels).toContain(kernel);
  expect(report.conformance.cases.some((c: { runs: number }) => c.runs > 1)).toBe(true);
  expect(report.book.test.accuracy).toBeGreaterThan(0.8); // one epoch on 3,000 images; chance is 0.1
  const ours = report.speed.find((r: { name: string }) => r.name === 'ours');
  expect(ours.status).toBe('ok');
  expect(ours.stepMs).toBeGreaterThan(0);
  expect(ours.dispatchesPerStep).toBeGreaterThan(5);
  expect(ours.submitsPerStep).toBeGreaterThan(0);
  expect(ours.submitsPerStep).toBeLessThanOrEqual(1); // four steps share a command buffer
  const wasm = report.speed.find((r: { name: string }) => r.name === 'tfjs-wasm');
  expect(wasm.status, wasm.reason).toBe('ok');
  expect(wasm.evalMs).toBeGreaterThan(0);
  expect(wasm.testAccuracy).toBeGreaterThan(0.5); // a few steps of the same MLP; chance is 0.1
  const text = readFileSync(join(out, 'gpu-check.txt'), 'utf8');
  expect(text).toMatch(/PASSED/);
  expect(text).toMatch(
    /ours vs tfjs-wasm: [\d.]+x (faster|slower) per step, [\d.]+x (faster|slower) at evaluating/,
  );
}, 600_000);
