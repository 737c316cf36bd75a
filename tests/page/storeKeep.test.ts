// The snapshot transitions of keeping runs: a saved run's charts shown, resumed, an imported model.
import { describe, expect, test } from 'vitest';
import { initialSnapshot, reduce, type Snapshot, withSavedHistory } from '../../src/page/store';
import { DEFAULT_SETTINGS } from '../../src/protocol/settings';

const SETTINGS = { ...DEFAULT_SETTINGS, train: 1000, batchSize: 100, epochs: 3 };
const point = (step: number) => ({ step, loss: 1 / step, accuracy: 0.5, batches: 5, reports: 1 });
const epochPoint = (epoch: number) => ({
  epoch,
  trainLoss: 1,
  trainAccuracy: 0.5,
  testLoss: 0.9,
  testAccuracy: 0.6 + epoch / 10,
});
const ready: Snapshot = { ...initialSnapshot, phase: 'ready' };

describe('keeping runs in the snapshot', () => {
  test("an opened run shows its charts and its last epoch's test result", () => {
    const s = withSavedHistory(ready, SETTINGS, {
      curve: [point(5), point(10), point(15), point(20)],
      curveStride: 1,
      epochs: [epochPoint(1), epochPoint(2)],
    });
    expect(s.runSettings).toBe(SETTINGS);
    expect(s.curve.map((p) => p.step)).toEqual([5, 10, 15, 20]);
    expect(s.finalTest).toEqual({ loss: 0.9, accuracy: 0.8 });
    expect(s.phase).toBe('ready');
    // The charts' axis spans the planned run: 3 epochs of 10 batches.
    expect([s.progress?.epochs, s.progress?.batches]).toEqual([3, 10]);
  });

  test('a resumed run keeps the charts up to its saved epoch and trains on', () => {
    const opened = withSavedHistory(ready, SETTINGS, {
      curve: [point(5), point(10), point(15)],
      curveStride: 1,
      epochs: [epochPoint(1)],
    });
    const s = reduce(opened, {
      type: 'continued',
      settings: SETTINGS,
      parameterCount: 7,
      epoch: 1,
      requestId: 1,
    });
    expect(s.phase).toBe('training');
    // Ten batches an epoch: the point at step 15 lay past the checkpoint.
    expect(s.curve.map((p) => p.step)).toEqual([5, 10]);
    expect(s.epochs).toHaveLength(1);
    expect(s.finalTest).toBeNull();
  });

  test('a run that mixed your digits in (12 batches an epoch, not 10) opens and resumes at its own epochs', () => {
    const mixed = { ...SETTINGS, myDigits: true };
    const opened = withSavedHistory(ready, mixed, {
      curve: [point(6), point(12), point(18), point(24)],
      curveStride: 1,
      epochs: [epochPoint(1), epochPoint(2)],
      batchesPerEpoch: 12,
    });
    expect([opened.progress?.epochs, opened.progress?.batches]).toEqual([3, 12]);
    const s = reduce(opened, {
      type: 'continued',
      settings: mixed,
      parameterCount: 7,
      epoch: 1,
      requestId: 1,
    });
    // Epoch 1 ended at step 12: its points stay, those of epoch 2 are trained again.
    expect(s.curve.map((p) => p.step)).toEqual([6, 12]);
  });

  test('an imported model clears the charts of the run it replaces', () => {
    const opened = withSavedHistory(ready, SETTINGS, {
      curve: [point(5)],
      curveStride: 1,
      epochs: [epochPoint(1)],
    });
    const s = reduce(opened, { type: 'loaded', settings: null, parameterCount: 7, epoch: 0 });
    expect([s.runSettings, s.curve, s.epochs, s.finalTest]).toEqual([null, [], [], null]);
    expect(s.parameterCount).toBe(7);
  });
});
