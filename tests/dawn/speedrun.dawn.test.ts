import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';

// gpu:check --only speedrun at tiny size, as a 15-minute GPU loan runs it at full size: the speedrun
// recipe (the small ConvNet, Adam, one-cycle) in our engine on Dawn (SwiftShader here), on 2,048
// training images for 8 steps to a low target, and the identical recipe in PyTorch
// (torch_speedrun.py) when /usr/bin/python3 has torch. Every evaluation is on all 10,000 test images.
test('gpu:check --only speedrun times the speedrun to a target and reports it against PyTorch', () => {
  const out = mkdtempSync(join(tmpdir(), 'gpu-check-speedrun-'));
  const args = ['--only', 'speedrun', '--seeds', '1', '--train', '2048', '--tta-target', '0.5'];
  args.push('--tta-steps', '8', '--python', '/usr/bin/python3', '--out', out);
  const run = spawnSync(process.execPath, ['scripts/gpuCheck.mjs', ...args], {
    encoding: 'utf8',
    timeout: 540_000,
  });
  const report = JSON.parse(readFileSync(join(out, 'gpu-check.json'), 'utf8'));
  expect(report.failures, run.stdout.slice(-3000)).toEqual([]);
  expect(run.status).toBe(0);
  expect(report.conformance).toBeUndefined(); // --only: nothing else ran
  expect(report.book).toBeUndefined();
  const [section] = report.timeToAccuracy;
  expect(section.recipe).toBe('speedrun');
  expect(section.ours.status).toBe('ok');
  expect(section.ours.warmUpSeconds).toBeGreaterThan(0);
  const [seed] = section.ours.runs;
  expect(seed.seconds, JSON.stringify(seed.evaluations)).toBeGreaterThan(0); // reached 50% by step 8
  expect(seed.evaluations.at(-1).accuracy).toBeGreaterThanOrEqual(0.5);
  const text = readFileSync(join(out, 'gpu-check.txt'), 'utf8');
  expect(text).toMatch(/Time to 50%: Speedrun: a small ConvNet to 99% — on /);
  expect(text).toMatch(/ours +to 50%: [\d.]+ s \(1 of 1 seed\), warm-up [\d.]+ s apart/);
  if (section.torch.status === 'ok')
    expect(text).toMatch(/ours\/PyTorch: [\d.]+ \(ours [\d.]+x (slower|faster)\)/);
  else expect(text).toContain('PyTorch');
});
