// A saved run resumed after a reload carries early stopping's count, read from its charts (so runs
// saved before the count was kept have it too), and its best epoch's weights when they are not the
// latest: the resumed run stops where the whole run would have.
import { describe, expect, test } from 'vitest';
import { withBest } from '../../src/page/bestEpoch';
import { type SavedRun, toCheckpoint, toSavedRun } from '../../src/page/savedRuns';
import type { Checkpoint } from '../../src/protocol/protocol';
import { DEFAULT_SETTINGS } from '../../src/protocol/settings';

const testLosses = [0.5, 0.3, 0.4, 0.35, 0.2];

function runAfter(epoch: number, patience: number): SavedRun {
  const checkpoint: Checkpoint = {
    settings: { ...DEFAULT_SETTINGS, train: 1000, batchSize: 100, epochs: 8, patience },
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
    testAccuracy: 0.9,
  }));
  const info = { id: 'r', name: 'n', createdAt: 1, updatedAt: epoch, testAccuracy: 0.9 };
  return toSavedRun(info, checkpoint, [[2, 2]], { curve: [], curveStride: 1, epochs });
}

/** Epochs 1..upTo written one over the other, as autosave does. */
function written(upTo: number, patience: number): SavedRun {
  let stored: SavedRun | null = null;
  for (let epoch = 1; epoch <= upTo; epoch++) {
    const merged = withBest(stored, runAfter(epoch, patience));
    if (!('record' in merged)) throw new Error('refused');
    stored = merged.record;
  }
  return stored as SavedRun;
}

describe('a saved run resumed carries early stopping’s count', () => {
  test('after epoch 4: best epoch 2, two epochs without improvement, and epoch 2’s weights', () => {
    const { earlyStopping } = toCheckpoint(written(4, 3));
    expect(earlyStopping).toMatchObject({ best: 0.3, bestEpoch: 2, wait: 2 });
    expect(earlyStopping?.bestWeights?.map((w) => [...w])).toEqual([[2, 2, 2, 2]]);
  });

  test('the latest epoch is the best: no wait, and no weights sent twice', () => {
    const { earlyStopping } = toCheckpoint(written(5, 3));
    expect(earlyStopping).toEqual({ best: 0.2, bestEpoch: 5, wait: 0 });
  });

  test('without early stopping, nothing; the best epoch opened to look at, nothing either', () => {
    expect(toCheckpoint(written(4, 0)).earlyStopping).toBeUndefined();
    expect(toCheckpoint(written(4, 3), 'best').earlyStopping).toBeUndefined();
  });
});
