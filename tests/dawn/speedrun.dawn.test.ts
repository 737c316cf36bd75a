import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';

// gpu:check --only speedrun at tiny size, as a 15-minute GPU loan runs it at full size: the speedrun
// recipe (the small ConvNet, Adam, one-cycle) in our engine on Dawn (SwiftShader here), on 1,024
// training images for 4 steps to 30%, evaluated on 500 test images (a ConvNet step of 256 images
// takes seconds on SwiftShader), and the identical recipe in PyTorch (torch_speedrun.py) when
// /usr/bin/python3 has torch.
test('gpu:check --only speedrun times the speedrun to a target and reports it against PyTorch', () => {
  const out = mkdtempSync(join(tmpdir(), 'gpu-check-speedrun-'));
  const args = ['--only', 'speedrun', '--seeds', '1', '--train', '1024', '--tta-test', '500'];
  args.push('--tta-target', '0.3', '--tta-steps', '4', '--python', '/usr/bin/python3', '--out', out);
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
  expect(seed.seconds, JSON.stringify(seed.evaluations)).toBeGreaterThan(0); // reached 30% by step 4
  expect(seed.evaluations.at(-1).accuracy).toBeGreaterThanOrEqual(0.3);
  const text = readFileSync(join(out, 'gpu-check.txt'), 'utf8');
  expect(text).toContain(
    'Time to 30%: Speedrun: a small ConvNet to 99% [a tiny test run: 1024 training images, 500 test images, at most 4 steps] — on ',
  );
  expect(text).toMatch(/ours +to 30%: [\d.]+ s \(1 of 1 seed\), warm-up [\d.]+ s apart/);
  if (section.torch.status === 'ok')
    expect(text).toMatch(/ours\/PyTorch: [\d.]+ \(ours [\d.]+x (slower|faster)\)/);
  else expect(text).toContain('PyTorch');
});
