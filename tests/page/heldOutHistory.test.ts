// What a saved run keeps of validation images and early stopping (#30): the test measured at the
// end and the epochs early stopping kept and stopped after, checked when the record is read; and the
// two settings in the link, only when set.
import { describe, expect, test } from 'vitest';
import { readHistory } from '../../src/page/savedHistory';
import { DEFAULT_SETTINGS, validateSettings } from '../../src/protocol/settings';
import { settingsFromQuery, settingsToQuery } from '../../src/protocol/settingsQuery';

const SETTINGS = {
  ...DEFAULT_SETTINGS,
  train: 1000,
  batchSize: 100,
  epochs: 3,
  validation: 500,
  patience: 1,
};
const point = (step: number) => ({ step, loss: 1 / step, accuracy: 0.5, batches: 10, reports: 1 });
const epochPoint = (epoch: number) => ({
  epoch,
  trainLoss: 1,
  trainAccuracy: 0.5,
  testLoss: 0.9,
  testAccuracy: 0.6,
});
const history = (extra: Record<string, unknown>) => ({
  curve: [point(10), point(20)],
  curveStride: 1,
  epochs: [epochPoint(1), epochPoint(2)],
  ...extra,
});

describe('a saved run’s test at the end and early stop', () => {
  test('are read as written, and absent or null in older records', () => {
    const good = history({
      testAtEnd: { loss: 0.3, accuracy: 0.9 },
      earlyStop: { bestEpoch: 1, stoppedEpoch: 2 },
    });
    expect(readHistory(good, SETTINGS, 2)).toEqual(good);
    expect(readHistory(history({}), SETTINGS, 2)).toEqual(history({}));
    expect(readHistory(history({ testAtEnd: null, earlyStop: null }), SETTINGS, 2)).toBeTruthy();
  });

  test('a damaged one makes the record unreadable, saying why', () => {
    expect(() => readHistory(history({ testAtEnd: { loss: 0.3, accuracy: 2 } }), SETTINGS, 2)).toThrow(
      'its final test result is not a loss and an accuracy',
    );
    expect(() => readHistory(history({ earlyStop: { bestEpoch: 2, stoppedEpoch: 2 } }), SETTINGS, 2)).toThrow(
      'its early stop (best epoch 2, stopped after 2) is not within the run',
    );
    expect(() => readHistory(history({ earlyStop: { bestEpoch: 1, stoppedEpoch: 3 } }), SETTINGS, 2)).toThrow(
      'not within the run',
    );
  });
});

describe('validation images and patience in the link', () => {
  test('appear only when set, and come back as they were', () => {
    expect(settingsToQuery(DEFAULT_SETTINGS)).not.toMatch(/validation|patience/);
    const set = { ...DEFAULT_SETTINGS, validation: 10000, patience: 2 };
    expect(settingsToQuery(set)).toContain('validation=10000&patience=2');
    expect(validateSettings(settingsFromQuery(settingsToQuery(set)).text).settings).toEqual(set);
  });

  test('a bad value is ignored with a note, never breaking the page', () => {
    const { text, notes } = settingsFromQuery('?validation=60000&patience=-1');
    expect([text.validation, text.patience]).toEqual(['0', '0']);
    expect(notes.join(' ')).toMatch(/validation=.*Validation images must be between 0 and 59999/);
    expect(notes.join(' ')).toMatch(/patience=.*Early stopping patience must be between 0 and 100/);
  });
});
