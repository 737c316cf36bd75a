// gpu:check's 'convnetStop' section (the book's ConvNet with early stopping, for a lent GPU to
// measure): known to the section flags, left out by --quick as the other long runs, run alone by
// --only; and its row says the epoch it stopped after, the epoch it kept and that epoch's test
// accuracy. tests/dawn/earlyStopRun.dawn.test.ts runs it for real at tiny size.
import { describe, expect, test } from 'vitest';
import { formatEarlyStop } from '../../scripts/gpuCheck/earlyStopReport';
import { applySectionFlags, EARLY_STOP_SECTION } from '../../scripts/gpuCheck/sectionFlags';

const SECTIONS = ['conformance', 'book', 'convnet', 'speed'];
const ran = (flags: [string, string][]) => {
  const skip = new Set<string>();
  const error = applySectionFlags(new Map(flags), SECTIONS, skip);
  return { error, runs: !skip.has(EARLY_STOP_SECTION) };
};

describe('the convnetStop section', () => {
  test('runs in the full check and alone with --only; --quick and --only others leave it out', () => {
    expect(ran([])).toEqual({ error: null, runs: true });
    expect(ran([['only', 'convnetStop']])).toEqual({ error: null, runs: true });
    expect(ran([['quick', '1']]).runs).toBe(false);
    expect(ran([['only', 'speedrun']]).runs).toBe(false);
    expect(ran([['skip', 'convnetStop']]).error).toBeNull();
  });

  test('its row: stopped after epoch 5, kept epoch 4, and epoch 4’s test accuracy', () => {
    const text = formatEarlyStop({
      epochs: 20,
      train: 60000,
      patience: 1,
      layers: 'c32,p,c64,p,c64,f,d64',
      testLosses: [0.05, 0.04, 0.035, 0.028, 0.031],
      keptEpoch: 4,
      stoppedEpoch: 5,
      test: { loss: 0.028, accuracy: 0.9913 },
      trainSeconds: 61.2,
    }).join('\n');
    expect(text).toContain(
      "The book's ConvNet with early stopping (patience 1, restore best; the test loss monitored)\n",
    );
    expect(text).toContain('test loss per epoch 1: 0.0500, 2: 0.0400, 3: 0.0350, 4: 0.0280, 5: 0.0310');
    expect(text).toContain('stopped after epoch 5; kept epoch 4: test accuracy 0.9913 (loss 0.0280)');
    expect(text).not.toContain('tiny');
  });

  test('a run that never stopped, a tiny one and a failed one say so; one skipped has no row', () => {
    const never = formatEarlyStop({
      epochs: 3,
      train: 300,
      patience: 1,
      testLosses: [0.9, 0.8, 0.7],
      keptEpoch: 3,
      stoppedEpoch: null,
      test: { loss: 0.7, accuracy: 0.8 },
    });
    expect(never.join('\n')).toContain('[a tiny test run: 300 images]');
    expect(never.join('\n')).toContain('no stop: the test loss improved to the last epoch (3); kept epoch 3');
    expect(formatEarlyStop({ error: 'RangeError: out of memory' }).join('\n')).toContain(
      '  failed: RangeError: out of memory',
    );
    expect(formatEarlyStop(undefined)).toEqual([]);
  });
});
