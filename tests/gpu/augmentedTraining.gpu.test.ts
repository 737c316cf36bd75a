import { expect, test } from 'vitest';
import { loadMnist } from '../../src/data/mnist';
import { DeviceDataset } from '../../src/nn/dataset';
import { Dense } from '../../src/nn/dense';
import { rmsprop } from '../../src/nn/rmsprop';
import { type FitOptions, Sequential } from '../../src/nn/sequential';
import { gpuBackend } from './harness';

// fit({ augment }) on real MNIST images: the augmented batches depend on the seed and the step
// only, so a run repeats exactly, and a run resumed at an epoch sees what an uninterrupted one saw.
const backend = await gpuBackend();
const mnist = await loadMnist('/mnist/');
const [IMAGES, PIXELS] = [250, 784];
const train = DeviceDataset.upload(
  backend,
  mnist.train.pixels.subarray(0, IMAGES * PIXELS),
  mnist.train.labels.subarray(0, IMAGES),
  PIXELS,
);

/** Fresh seeded weights, trained by each fit in turn; returns the weights at the end. */
async function weightsAfter(...fits: FitOptions[]): Promise<number[][]> {
  const model = new Sequential([
    new Dense(16, { activation: 'relu', inputShape: [PIXELS] }),
    new Dense(10, { activation: 'softmax' }),
  ]);
  model.compile({
    backend,
    optimizer: rmsprop({ learningRate: 0.001 }),
    loss: 'categoricalCrossentropy',
    seed: 3,
  });
  for (const options of fits) await model.fit(train, { batchSize: 48, ...options }); // 250 = 5 x 48 + 10
  const weights = (await model.getWeights()).map((w) => Array.from(w));
  model.dispose();
  return weights;
}

test('augmented training repeats exactly, differs from plain training, and resumes where it left off', async () => {
  const augmented = await weightsAfter({ epochs: 2, augment: true });
  expect(await weightsAfter({ epochs: 2, augment: true })).toEqual(augmented);
  expect(await weightsAfter({ epochs: 2 })).not.toEqual(augmented);
  const resumed = await weightsAfter(
    { epochs: 1, augment: true },
    { epochs: 2, initialEpoch: 1, augment: true },
  );
  expect(resumed).toEqual(augmented);
});
