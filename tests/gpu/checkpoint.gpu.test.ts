// A lost device loses nothing trained before the last checkpoint: a run resumed on a new device from
// its epoch checkpoint ends exactly where an uninterrupted run ends.
import { expect, test } from 'vitest';
import { requestGpuDevice } from '../../src/backend/webgpu/device';
import { WebGPUBackend } from '../../src/backend/webgpu/webgpuBackend';
import { loadMnist, PIXELS } from '../../src/data/mnist';
import { DeviceDataset } from '../../src/nn/dataset';
import { DEFAULT_SETTINGS, type Settings } from '../../src/protocol/settings';
import { restoreCheckpoint, takeCheckpoint } from '../../src/worker/checkpoint';
import { buildModel } from '../../src/worker/model';
import { expectClose } from './harness';

const mnist = await loadMnist('/mnist/');
const SETTINGS: Settings = { ...DEFAULT_SETTINGS, hidden: 32, batchSize: 100, epochs: 2, train: 600 };
const FIT = { epochs: 2, batchSize: SETTINGS.batchSize, shuffle: true, logEvery: 3 };

async function session() {
  const { device } = await requestGpuDevice({
    onError: (error) => {
      throw new Error(`uncaptured WebGPU error: ${error.message}`);
    },
  });
  const backend = new WebGPUBackend(device);
  const { pixels, labels } = mnist.train;
  const data = DeviceDataset.upload(
    backend,
    pixels.subarray(0, SETTINGS.train * PIXELS),
    labels.subarray(0, SETTINGS.train),
    PIXELS,
  );
  return { device, backend, data };
}

test('a run resumed on a new device from its epoch checkpoint ends with the weights of an uninterrupted run', async () => {
  const reference = await session();
  const uninterrupted = buildModel(reference.backend, SETTINGS);
  await uninterrupted.fit(reference.data, FIT);
  const expected = await uninterrupted.getWeights();

  // Epoch 1 on a device that is then lost for real.
  const first = await session();
  const model = buildModel(first.backend, SETTINGS);
  await model.fit(first.data, { ...FIT, epochs: 1 });
  const checkpoint = await takeCheckpoint(model, SETTINGS, 1, true);
  first.device.destroy();
  expect((await first.device.lost).reason).toBe('destroyed');
  await expect(model.getWeights()).rejects.toThrow();

  // Epoch 2 on a new device, from the checkpoint.
  const second = await session();
  const resumed = buildModel(second.backend, SETTINGS);
  restoreCheckpoint(second.backend, resumed, checkpoint);
  await resumed.fit(second.data, { ...FIT, initialEpoch: 1 });
  const actual = await resumed.getWeights();
  for (const [i, weights] of actual.entries())
    expectClose(weights, expected[i], 1e-6, 1e-6, `parameter ${i}`);

  // The optimizer state is part of it: the same weights with fresh RMSprop averages end elsewhere.
  const third = await session();
  const weightsOnly = buildModel(third.backend, SETTINGS);
  weightsOnly.setWeights(checkpoint.weights);
  await weightsOnly.fit(third.data, { ...FIT, initialEpoch: 1 });
  const drifted = (await weightsOnly.getWeights())[0];
  expect(drifted.some((w, j) => Math.abs(w - expected[0][j]) > 1e-4)).toBe(true);
  for (const s of [reference, second, third]) s.device.destroy();
});
