// A saved run keeps its latest epoch and its best by test loss (Keras's save_best_only): a worse
// epoch never overwrites the best one's weights, an older epoch never overwrites a newer one, and
// records written before the best was kept (format 4 and older) read with their latest as the best.
import { describe, expect, test } from 'vitest';
import { gotWorse, withBest } from '../../src/page/bestEpoch';
import { RECORD_SCHEMA, readRecord } from '../../src/page/savedRunRecord';
import { type SavedRun, toCheckpoint, toSavedRun } from '../../src/page/savedRuns';
import type { Checkpoint } from '../../src/protocol/protocol';
import { DEFAULT_SETTINGS } from '../../src/protocol/settings';

const SETTINGS = { ...DEFAULT_SETTINGS, train: 1000, batchSize: 100, epochs: 5 };
const SHAPES = [[2, 2]];
const testLosses = [0.5, 0.3, 0.4, 2.5, 0.2];

/** The run after `epoch` epochs: its weights are all `epoch`, its test losses those above. */
function runAfter(epoch: number): SavedRun {
  const checkpoint: Checkpoint = {
    settings: SETTINGS,
    epoch,
    trained: true,
    weights: [new Float32Array(4).fill(epoch)],
    optimizerState: [[new Float32Array(4).fill(-epoch)]],
    iterations: epoch * 10,
  };
  const epochs = testLosses.slice(0, epoch).map((testLoss, i) => ({
    epoch: i + 1,
    trainLoss: 1,
    trainAccuracy: 0.5,
    testLoss,
    testAccuracy: 1 - testLoss / 10,
  }));
  const curve = epochs.map((e) => ({ step: e.epoch * 10, loss: 1, accuracy: 0.5, batches: 10, reports: 2 }));
  const info = {
    id: 'r',
    name: 'n',
    createdAt: 1,
    updatedAt: epoch,
    testAccuracy: epochs.at(-1)?.testAccuracy ?? null,
  };
  return toSavedRun(info, checkpoint, SHAPES, { curve, curveStride: 1, epochs });
}

/** Writes epochs 1..upTo one after another, as autosave does, each over the last. */
function written(upTo: number): SavedRun {
  let stored: SavedRun | null = null;
  for (let epoch = 1; epoch <= upTo; epoch++) {
    const merged = withBest(stored, runAfter(epoch));
    if (!('record' in merged)) throw new Error('refused');
    stored = merged.record;
  }
  return stored as SavedRun;
}

const weightOf = (buffers: ArrayBuffer[] | null) => (buffers ? new Float32Array(buffers[0])[0] : null);

describe('the best epoch by test loss is kept beside the latest', () => {
  test('better epochs replace the best; the best is the latest while it improves', () => {
    const run = written(2);
    expect(run.best).toEqual({ epoch: 2, testLoss: 0.3, testAccuracy: 0.97 });
    expect(run.data.bestWeights).toBeNull();
    expect(gotWorse(run)).toBe(false);
  });

  test('a worse but finite epoch (0.4, then 2.5) keeps epoch 2 and its weights; resume goes on from the latest', () => {
    const run = written(4);
    expect(run.epoch).toBe(4);
    expect(run.best?.epoch).toBe(2);
    expect(weightOf(run.data.bestWeights)).toBe(2);
    expect(weightOf(run.data.weights)).toBe(4);
    expect(gotWorse(run)).toBe(true);
    // The list counts the best epoch's weights too.
    expect(run.bytes).toBe(16 + 16 + 16);
    const best = toCheckpoint(run, 'best');
    expect([best.epoch, best.weights[0][0], best.optimizerState]).toEqual([2, 2, [null]]);
    const latest = toCheckpoint(run);
    expect([latest.epoch, latest.weights[0][0], latest.iterations]).toEqual([4, 4, 40]);
  });

  test('a better epoch after worse ones becomes the best, and the old best weights go', () => {
    const run = written(5);
    expect(run.best?.epoch).toBe(5);
    expect(run.data.bestWeights).toBeNull();
  });

  test('an epoch older than the stored one is refused (another tab got further); the same epoch is rewritten', () => {
    expect(withBest(written(3), runAfter(2))).toEqual({ storedEpoch: 3 });
    const again = withBest(written(3), runAfter(3));
    expect('record' in again && again.record.best?.epoch).toBe(2);
  });

  test('the record is written in the current format and reads back whole', () => {
    const run = written(4);
    const { data, ...info } = run;
    expect(info.schema).toBe(RECORD_SCHEMA);
    const read = readRecord(info, data);
    expect(read.best).toEqual(run.best);
    expect(weightOf(read.data.bestWeights)).toBe(2);
  });
});

describe('migration: records from before the best epoch was kept', () => {
  test('a format 4 record reads with its latest epoch as the best, from its charts', () => {
    const { data, best: _, ...info } = runAfter(3);
    const { bestWeights: __, ...oldData } = data;
    const read = readRecord({ ...info, schema: 4 }, oldData);
    expect(read.best).toEqual({ epoch: 3, testLoss: 0.4, testAccuracy: 0.96 });
    expect(read.data.bestWeights).toBeNull();
    expect(gotWorse(read)).toBe(false);
  });

  test('a worse epoch written over a format 4 record keeps the old latest as the best', () => {
    const { data, best: _, ...info } = runAfter(3);
    const { bestWeights: __, ...oldData } = data;
    const stored = readRecord({ ...info, schema: 4 }, oldData);
    const merged = withBest(stored, runAfter(4));
    if (!('record' in merged)) throw new Error('refused');
    expect(merged.record.best?.epoch).toBe(3);
    expect(weightOf(merged.record.data.bestWeights)).toBe(3);
  });

  test('a format 5 record whose best epoch lost its weights is unreadable, saying why', () => {
    const { data, ...info } = written(4);
    expect(() => readRecord(info, { ...data, bestWeights: null })).toThrow(
      "its best epoch's weights (epoch 2) are missing",
    );
    expect(() => readRecord({ ...info, best: { epoch: 9, testLoss: 1, testAccuracy: 1 } }, data)).toThrow(
      'its best epoch (9) is not between 1 and 4',
    );
  });
});
