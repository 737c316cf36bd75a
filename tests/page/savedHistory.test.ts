// A saved run's charts are checked field by field when the record is read: a damaged one is
// unreadable (listed with why), never passed on to the reducer, the charts or a resumed run.
import { describe, expect, test } from 'vitest';
import { readHistory } from '../../src/page/savedHistory';
import { readInfo, readRecord } from '../../src/page/savedRunRecord';
import { DEFAULT_SETTINGS } from '../../src/protocol/settings';

// 10 batches an epoch, 3 epochs.
const SETTINGS = { ...DEFAULT_SETTINGS, train: 1000, batchSize: 100, epochs: 3 };
const point = (step: number) => ({ step, loss: 1 / step, accuracy: 0.5, batches: 5, reports: 1 });
const epochPoint = (epoch: number) => ({
  epoch,
  trainLoss: 1,
  trainAccuracy: 0.5,
  testLoss: 0.9,
  testAccuracy: 0.6,
});
const GOOD = {
  curve: [point(5), point(10), point(15), point(20)],
  curveStride: 1,
  epochs: [epochPoint(1), epochPoint(2)],
  rateChanges: [{ step: 12, rate: 0.01 }],
};

function damaged(edit: (h: typeof GOOD & Record<string, unknown>) => void): () => unknown {
  const history = structuredClone(GOOD) as typeof GOOD & Record<string, unknown>;
  edit(history);
  return () => readHistory(history, SETTINGS, 2);
}

describe('a saved history is read field by field', () => {
  test('a history this app writes reads as it is; one from before rate changes too', () => {
    expect(readHistory(GOOD, SETTINGS, 2)).toEqual(GOOD);
    const { rateChanges: _, ...old } = GOOD;
    expect(readHistory(old, SETTINGS, 2)).toEqual(old);
  });

  test('a run that mixed your digits in kept its longer epochs: its chart reads to their end', () => {
    // 10 batches an epoch by the settings; 12 with the user's digits in every batch.
    const mixed = { ...structuredClone(GOOD), batchesPerEpoch: 12 };
    mixed.curve.push(point(36));
    expect(readHistory(mixed, SETTINGS, 3)).toEqual(mixed);
    expect(() => readHistory({ ...mixed, batchesPerEpoch: undefined }, SETTINGS, 3)).toThrow(
      'within the run',
    );
    for (const kept of [9, 1001, 10.5, '12', null])
      expect(() => readHistory({ ...GOOD, batchesPerEpoch: kept }, SETTINGS, 2)).toThrow(
        `its epochs are ${String(kept)} batches long, not from 10 to 1000`,
      );
  });

  test('rate changes that are not a list, or whose rates are not above 0, are refused', () => {
    expect(damaged((h) => (h.rateChanges = 5 as never))).toThrow('its learning-rate changes are not a list');
    expect(damaged((h) => (h.rateChanges = { step: 1 } as never))).toThrow('not a list');
    for (const rate of [-5, 0, Number.POSITIVE_INFINITY, Number.NaN, '0.1', null])
      expect(damaged((h) => (h.rateChanges = [{ step: 3, rate: rate as number }]))).toThrow(
        /its learning-rate change 1 sets the rate .*; a rate is a number above 0/,
      );
    expect(damaged((h) => (h.rateChanges = [{ step: -1, rate: 0.1 }]))).toThrow('at step -1');
    expect(damaged((h) => (h.rateChanges = [{ step: 31, rate: 0.1 }]))).toThrow('within the run');
    expect(damaged((h) => h.rateChanges.push({ step: 4, rate: 0.1 }))).toThrow('not after 12');
    expect(damaged((h) => (h.rateChanges = [null as never]))).toThrow('is not a change');
  });

  test('chart points: steps in order within the run, numbers where numbers go', () => {
    expect(damaged((h) => (h.curve = 'points' as never))).toThrow('its charts are missing');
    expect(damaged((h) => (h.curve[1].step = 5))).toThrow('chart point 2 is at step 5, not after 5');
    expect(damaged((h) => (h.curve[0].step = 1.5))).toThrow('chart point 1 is at step 1.5');
    expect(damaged((h) => (h.curve[3].step = 31))).toThrow('within the run');
    expect(damaged((h) => (h.curve[0].loss = Number.NaN))).toThrow('chart point 1 has the loss NaN');
    expect(damaged((h) => (h.curve[0].loss = '1' as never))).toThrow('has the loss 1');
    expect(damaged((h) => (h.curve[2].accuracy = 2))).toThrow('chart point 3 has the accuracy 2');
    expect(damaged((h) => (h.curve[2].batches = 0))).toThrow('counts no batches');
    expect(damaged((h) => (h.curve[0] = [] as never))).toThrow('chart point 1 is not a point');
    expect(damaged((h) => (h.curveStride = 0))).toThrow('stride');
  });

  test('test points: one per epoch from 1, up to the epoch saved, with losses and fractions', () => {
    expect(damaged((h) => (h.epochs = [epochPoint(2)]))).toThrow('test point 1 is for epoch 2');
    expect(damaged((h) => h.epochs.push(epochPoint(3)))).toThrow('of at most 2');
    expect(damaged((h) => (h.epochs[0].testLoss = Number.POSITIVE_INFINITY))).toThrow(
      'epoch 1 has a loss that is not a number',
    );
    expect(damaged((h) => (h.epochs[1].testAccuracy = -0.1))).toThrow('not a fraction');
  });
});

describe('records with damaged histories or keys are listed as unreadable, and keep their key', () => {
  const info = {
    schema: 4,
    name: 'n',
    createdAt: 1,
    updatedAt: 2,
    settings: SETTINGS,
    epoch: 2,
    testAccuracy: 0.6,
    bytes: 16,
  };
  const data = {
    id: 'r',
    shapes: [[2, 2]],
    weights: [new Float32Array([1, 2, 3, 4]).buffer],
    optimizerState: [null],
    iterations: 20,
    history: { ...GOOD, rateChanges: 'x' },
  };

  test('a history whose rate changes are not a list makes the record unreadable, saying why', () => {
    expect(() => readRecord({ id: 'r', ...info }, data)).toThrow(
      'This saved run cannot be read: its learning-rate changes are not a list.',
    );
  });

  test('a record whose key is not text is unreadable, with its key as stored (to delete it)', () => {
    expect(readInfo({ id: 7, ...info })).toEqual({
      id: '7',
      key: 7,
      name: 'n',
      unreadable: 'This saved run cannot be read: its key (7) is not text.',
    });
  });
});
