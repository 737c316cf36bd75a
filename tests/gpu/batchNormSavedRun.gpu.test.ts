// A run with BatchNormalization saved to IndexedDB after epoch 1 (its weights list: each layer's
// parameters, then the moving statistics, with their shapes and no optimizer state for them), read
// back by a new connection (as after a reload; the record is checked on read) and resumed with
// Adam: bit for bit the uninterrupted run, moving statistics included.
import { expect, test } from 'vitest';
import { loadMnist, PIXELS } from '../../src/data/mnist';
import { DeviceDataset } from '../../src/nn/dataset';
import { SavedRuns, toCheckpoint, toSavedRun } from '../../src/page/savedRuns';
import { DEFAULT_SETTINGS, type Settings } from '../../src/protocol/settings';
import { restoreCheckpoint, takeCheckpoint } from '../../src/worker/checkpoint';
import { buildModel } from '../../src/worker/model';
import { gpuBackend } from './harness';

const mnist = await loadMnist('/mnist/');
const SETTINGS: Settings = {
  ...DEFAULT_SETTINGS,
  model: 'convnet',
  layers: 'c4,bn,p,f,d12,bn',
  optimizer: 'adam',
  learningRate: 0.001,
  batchSize: 50,
  epochs: 2,
  train: 300,
  seed: 6,
};
const FIT = { epochs: 2, batchSize: SETTINGS.batchSize, shuffle: true, logEvery: 3 };
const backend = await gpuBackend();

test('c4,bn,p,f,d12,bn with Adam: saved after epoch 1, reopened and resumed: bit for bit the uninterrupted run', async () => {
  const { pixels, labels } = mnist.train;
  const data = DeviceDataset.upload(
    backend,
    pixels.subarray(0, SETTINGS.train * PIXELS),
    labels.subarray(0, SETTINGS.train),
    PIXELS,
  );
  const uninterrupted = buildModel(backend, SETTINGS);
  await uninterrupted.fit(data, FIT);
  const expected = await uninterrupted.getWeights();

  const interrupted = buildModel(backend, SETTINGS);
  await interrupted.fit(data, { ...FIT, epochs: 1 });
  const checkpoint = await takeCheckpoint(interrupted, SETTINGS, 1, true);
  // As the trainer announces them: one shape per weight.
  const shapes = interrupted.weights.map((p) => [...p.shape]);
  interrupted.dispose();
  const dbName = `bn-saved-run-test-${Date.now()}`;
  const writer = await SavedRuns.open(dbName);
  const info = { id: 'r1', name: 'interrupted', createdAt: 1, updatedAt: 2, testAccuracy: null };
  await writer.put(toSavedRun(info, checkpoint, shapes, { curve: [], curveStride: 1, epochs: [] }));
  writer.close();

  const reader = await SavedRuns.open(dbName);
  const saved = await reader.get('r1');
  reader.close();
  if (!saved) throw new Error('the saved run was not found');
  // Conv2D kernel, bias; gamma, beta, moving mean, variance (4 channels); Dense; the same (12); output.
  expect(saved.data.shapes.map((s) => s.join('x'))).toEqual([
    '3x3x1x4',
    '4',
    '4',
    '4',
    '4',
    '4',
    '676x12',
    '12',
    '12',
    '12',
    '12',
    '12',
    '12x10',
    '10',
  ]);
  const restored = toCheckpoint(saved);
  expect(restored.optimizerState.map((s) => s?.length ?? 0)).toEqual([
    2, 2, 2, 2, 0, 0, 2, 2, 2, 2, 0, 0, 2, 2,
  ]);

  const resumed = buildModel(backend, restored.settings);
  restoreCheckpoint(backend, resumed, restored);
  await resumed.fit(data, { ...FIT, initialEpoch: restored.epoch });
  const actual = await resumed.getWeights();
  for (const [i, weights] of actual.entries()) expect(weights, `weight ${i}`).toEqual(expected[i]);
  // The moving statistics moved in epoch 2 (so the comparison above covers them).
  expect(actual[4]).not.toEqual(checkpoint.weights[4]);
  resumed.dispose();
  uninterrupted.dispose();
  data.dispose();
});
