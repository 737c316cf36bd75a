import { expect, test } from 'vitest';
import { loadMnist } from '../../src/data/mnist';
import { Adam } from '../../src/nn/adam';
import { DeviceDataset } from '../../src/nn/dataset';
import { Dense } from '../../src/nn/dense';
import type { Optimizer } from '../../src/nn/optimizer';
import { RMSprop } from '../../src/nn/rmsprop';
import { Sequential } from '../../src/nn/sequential';
import { SGD } from '../../src/nn/sgd';
import { gpuBackend } from './harness';

const backend = await gpuBackend();
const mnist = await loadMnist('/mnist/');
const SUBSET = 4000;
const PIXELS = 784;

function bookModel(hidden = 512, optimizer: Optimizer = new RMSprop({ learningRate: 0.001 })): Sequential {
  const model = new Sequential([
    new Dense(hidden, { activation: 'relu', inputShape: [PIXELS] }),
    new Dense(10, { activation: 'softmax' }),
  ]);
  model.compile({
    backend,
    optimizer,
    loss: 'categoricalCrossentropy',
    seed: 1,
  });
  return model;
}

test('one epoch on a 4,000-image subset learns far above chance on the real test set', async () => {
  await backend.tuneMatmul([{ m: 128, n: 512, k: 784, transA: false, transB: false }], 1);
  const train = DeviceDataset.upload(
    backend,
    mnist.train.pixels.subarray(0, SUBSET * PIXELS),
    mnist.train.labels.subarray(0, SUBSET),
    PIXELS,
  );
  const test = DeviceDataset.upload(backend, mnist.test.pixels, mnist.test.labels, PIXELS);
  const model = bookModel();
  const reports: number[] = [];
  const history = await model.fit(train, {
    epochs: 1,
    batchSize: 128,
    onBatchEnd: (logs) => void reports.push(logs.loss),
  });
  const evaluation = await model.evaluate(test);
  console.log('subset epoch:', history[0], 'test:', evaluation, 'variant:', backend.matmulVariant);
  expect(reports.length).toBeGreaterThan(2);
  expect(reports.at(-1)).toBeLessThan(reports[0]);
  expect(history[0].accuracy).toBeGreaterThan(0.7);
  expect(evaluation.accuracy).toBeGreaterThan(0.8); // chance is 0.10
  model.dispose();
  train.dispose();
  test.dispose();
});

const OPTIMIZERS: [string, () => Optimizer][] = [
  ['RMSprop', () => new RMSprop()],
  ['SGD with momentum', () => new SGD({ momentum: 0.9 })],
  // Its step size changes at every step: the uniform ring must not grow.
  ['Adam', () => new Adam()],
];

test.each(OPTIMIZERS)(
  'a steady training step creates no GPU objects (buffers, pipelines, uniforms, bind groups), %s',
  async (_, optimizer) => {
    // 300 images in batches of 128: two full batches and a 44-row remainder, as in a real epoch.
    const train = DeviceDataset.upload(
      backend,
      mnist.train.pixels.subarray(0, 300 * PIXELS),
      mnist.train.labels.subarray(0, 300),
      PIXELS,
    );
    const model = bookModel(512, optimizer());
    await model.fit(train, { epochs: 1, batchSize: 128 });
    const afterFirstEpoch = backend.createdObjects;
    const bytesAfterFirstEpoch = backend.pool.bytesInUse;
    await model.fit(train, { epochs: 3, batchSize: 128, initialEpoch: 1 });
    expect(backend.createdObjects).toBe(afterFirstEpoch);
    expect(backend.pool.bytesInUse).toBe(bytesAfterFirstEpoch);
    model.dispose();
    train.dispose();
  },
);
