import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';

// gpu:check --only convnetStop at tiny size, on Dawn's WebGPU (SwiftShader here): the book's ConvNet
// recipe with early stopping, shrunk to a small ConvNet on 300 images (1,000 test images) for at most 4 epochs at a rate
// far too high (so the test loss soon turns up). Checks the logic a lent GPU runs at full size: the
// epoch it kept has the lowest test loss, it stopped one epoch after it (patience 1), and the test
// accuracy reported is that epoch's.
test('gpu:check --only convnetStop: stops one epoch after the best, keeps it, reports its test accuracy', () => {
  const out = mkdtempSync(join(tmpdir(), 'gpu-check-stop-'));
  const flags = ['--only', 'convnetStop', '--train', '300', '--stop-epochs', '4'];
  flags.push('--stop-layers', 'c4,p,f', '--stop-lr', '0.2', '--stop-test', '1000', '--out', out);
  const run = spawnSync(process.execPath, ['scripts/gpuCheck.mjs', ...flags], {
    encoding: 'utf8',
    timeout: 540_000,
  });
  const report = JSON.parse(readFileSync(join(out, 'gpu-check.json'), 'utf8'));
  expect(report.failures, run.stdout.slice(-3000)).toEqual([]);
  expect(run.status).toBe(0);
  const r = report.convnetStop;
  expect(r.layers).toBe('c4,p,f');
  const losses: number[] = r.testLosses;
  expect(losses.length).toBeGreaterThan(0);
  expect(losses[r.keptEpoch - 1]).toBe(Math.min(...losses));
  // Seeded: this run stops (after epoch 3, back to epoch 2, on SwiftShader).
  expect(r.stoppedEpoch).toBe(r.keptEpoch + 1);
  expect(losses).toHaveLength(r.stoppedEpoch);
  // The weights kept answer the test set: the loss reported is the kept epoch's.
  expect(r.test.loss).toBeCloseTo(losses[r.keptEpoch - 1], 4);
  const text = readFileSync(join(out, 'gpu-check.txt'), 'utf8');
  expect(text).toContain("The book's ConvNet with early stopping (patience 1, restore best");
  expect(text).toMatch(new RegExp(`kept epoch ${r.keptEpoch}: test accuracy 0\\.\\d{4}`));
}, 600_000);
