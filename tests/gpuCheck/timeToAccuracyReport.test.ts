import { expect, test } from 'vitest';
import {
  formatSection,
  sectionFigures,
  type TimeToAccuracySection,
} from '../../scripts/gpuCheck/timeToAccuracyReport';
import type { SeedRun } from '../../src/nn/timeToAccuracy';

const run = (seed: number, seconds: number | null, best = 0.992): SeedRun => ({
  seed,
  seconds,
  steps: seconds === null ? 470 : 400,
  warmUpSeconds: 0,
  evaluations: [{ step: 400, accuracy: seconds === null ? 0.9885 : best, seconds: seconds ?? 5 }],
});

const section = (ours: SeedRun[], torch: SeedRun[] | null): TimeToAccuracySection => ({
  recipe: 'speedrun',
  title: 'Speedrun: a small ConvNet to 99%',
  target: 0.99,
  device: 'NVIDIA H200 (driver 550.54)',
  ours: { name: 'ours', status: 'ok', warmUpSeconds: 1.5, runs: ours },
  torch: torch
    ? { name: 'PyTorch', status: 'ok', info: 'torch 2.3, cuda', warmUpSeconds: 2, runs: torch }
    : { name: 'PyTorch', status: 'unavailable', reason: 'No module named torch' },
});

test('a seed that misses is counted and listed as a miss, and kept out of the mean', () => {
  const s = section([run(1, 2), run(2, null), run(3, 4)], [run(1, 1), run(2, 1)]);
  const figures = sectionFigures(s);
  expect(figures.ours?.runs).toBe(3);
  expect(figures.ours?.misses).toBe(1);
  expect(figures.ours?.meanSeconds).toBeCloseTo(3);
  expect(figures.ratio).toBeCloseTo(3);
  const text = formatSection(s);
  expect(text).toContain('Time to 99%: Speedrun: a small ConvNet to 99% — on NVIDIA H200 (driver 550.54)');
  expect(text).toContain('to 99%: 3.00 s ± 1.41 (2 of 3 seeds; missed: seed 2), warm-up 1.50 s apart');
  expect(text).toContain('seed 2: MISS (best 98.85%)');
  expect(text).toContain('seed 3: 4.00 s at step 400');
  expect(text).toContain('ours/PyTorch: 3.00 (ours 3.00x slower), same device');
});

test('no ratio when a side never reached the target or did not run, and the reason is shown', () => {
  const allMissed = section([run(1, null), run(2, null)], [run(1, 1)]);
  expect(sectionFigures(allMissed).ratio).toBeNull();
  expect(formatSection(allMissed)).toContain('never reached (0 of 2 seeds; missed: seed 1, 2)');
  expect(formatSection(allMissed)).toContain('no ratio');
  const noTorch = section([run(1, 1)], null);
  expect(formatSection(noTorch)).toContain('PyTorch  unavailable: No module named torch');
  expect(sectionFigures(noTorch).ratio).toBeNull();
  expect(formatSection(section([run(1, 1)], [run(1, 2)]))).toContain('ours 2.00x faster');
});
