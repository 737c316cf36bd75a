import { describe, expect, it } from 'vitest';
import { testAccuracyOf, testResultOf } from '../../src/page/heldOutResult';
import { heldOutSummary } from '../../src/page/overfitting';
import { OVERFITTING_LESSON, OVERFITTING_WAYS, overfittingRuns } from '../../src/page/overfittingPreset';
import type { EpochPoint } from '../../src/page/store';
import { DEFAULT_SETTINGS, settingsToText, validateSettings } from '../../src/protocol/settings';
import { earlyStopMarks } from '../../src/ui/chartData';

const epoch = (n: number, trainLoss: number, testLoss: number): EpochPoint => ({
  epoch: n,
  trainLoss,
  trainAccuracy: 0.9,
  testLoss,
  testAccuracy: 1 - testLoss / 10,
});

describe('the Fight overfitting preset', () => {
  it('trains the model on the lesson’s small set with validation images, one run per way, each valid', () => {
    const runs = overfittingRuns(DEFAULT_SETTINGS);
    expect(runs).toHaveLength(OVERFITTING_WAYS.length);
    for (const run of runs) {
      expect(run).toMatchObject({ ...OVERFITTING_LESSON, model: 'convnet' });
      expect(run.layers.startsWith('f,d512')).toBe(true);
      expect(validateSettings(settingsToText(run)).errors).toEqual({});
    }
    expect(runs.map((r) => r.layers)).toEqual(['f,d512', 'f,d512,dr0.5', 'f,d512:l2=0.002']);
  });

  it('keeps the sizes on screen when validation images are set there (a small lesson)', () => {
    const small = { ...DEFAULT_SETTINGS, train: 200, validation: 100, epochs: 2, hidden: 16 };
    expect(overfittingRuns(small)[0]).toMatchObject({
      train: 200,
      validation: 100,
      epochs: 2,
      layers: 'f,d16',
    });
  });
});

describe('a run’s held-out figures', () => {
  const epochs = [epoch(1, 0.5, 0.4), epoch(2, 0.3, 0.35), epoch(3, 0.1, 0.45)];

  it('summarizes the best and last held-out loss and the gap to the training loss', () => {
    const summary = heldOutSummary(epochs, { validation: 1000 });
    expect(summary?.heldOut).toBe('validation');
    expect(summary?.best).toMatchObject({ epoch: 2, loss: 0.35 });
    expect(summary?.last).toMatchObject({ epoch: 3, loss: 0.45 });
    expect(summary?.gap).toBeCloseTo(0.35);
    expect(heldOutSummary([], { validation: 0 })).toBeNull();
    expect(heldOutSummary(epochs, { validation: 0 })?.heldOut).toBe('test');
  });

  it('takes the test result from the end of a validated run, never from its validation epochs', () => {
    expect(testResultOf({ epochs }, { validation: 1000 })).toBeNull();
    const finalTest = { loss: 0.2, accuracy: 0.95 };
    expect(testResultOf({ epochs, testAtEnd: finalTest }, { validation: 1000 })).toEqual(finalTest);
    // Without validation, the last epoch is the test result, as before.
    expect(testAccuracyOf({ epochs }, { validation: 0 })).toBeCloseTo(1 - 0.045);
  });

  it('marks early stopping’s best epoch and its stop where those epochs ended', () => {
    expect(earlyStopMarks(null, 10)).toEqual([]);
    expect(earlyStopMarks({ bestEpoch: 2, stoppedEpoch: 4 }, 10)).toEqual([
      { step: 20, label: 'best: epoch 2 (kept)' },
      { step: 40, label: 'stopped after epoch 4' },
    ]);
  });
});
