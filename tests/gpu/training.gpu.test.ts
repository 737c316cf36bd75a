import { expect, test } from 'vitest';
import { loadMnist } from '../../src/data/mnist';
import { Adam } from '../../src/nn/adam';
import { DeviceDataset } from '../../src/nn/dataset';
import { Dense } from '../../src/nn/dense';
import type { Optimizer } from '../../src/nn/optimizer';
import { Random } from '../../src/nn/random';
import { RMSprop } from '../../src/nn/rmsprop';
import { Sequential } from '../../src/nn/sequential';
import { SGD } from '../../src/nn/sgd';
import { expectClose, gpuBackend } from './harness';

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

// The sparse path trains on each batch's images grouped by their ink (DeviceDataset.groupedBatches):
// the same batches of the same images, so the same training as the tiled path but for rounding.
// SGD, whose steps carry rounding differences through unamplified (RMSprop divides by the gradient's
// size, so a difference in a near-zero gradient can become a whole step).
test('on the sparse path each batch is reordered by ink, and an epoch trains as on the tiled path', async () => {
  const count = 600; // four batches of 128 and one of 88
  const train = DeviceDataset.upload(
    backend,
    mnist.train.pixels.subarray(0, count * PIXELS),
    mnist.train.labels.subarray(0, count),
    PIXELS,
  );
  const order = new Random(5).permutation(count);
  const sorted = (images: Uint32Array) => [...images].sort((a, b) => a - b);
  const runs: { loss: number; weights: Float32Array[] }[] = [];
  try {
    for (const variant of ['register', 'tiled'] as const) {
      backend.matmulVariant = variant;
      const grouped = train.groupedBatches(order, 128);
      for (let start = 0; start < count; start += 128)
        expect(sorted(grouped.subarray(start, start + 128))).toEqual(
          sorted(order.subarray(start, start + 128)),
        );
      expect(grouped.some((image, i) => image !== order[i])).toBe(variant === 'register');
      const model = bookModel(64, new SGD({ learningRate: 0.05 }));
      const [epoch] = await model.fit(train, { epochs: 1, batchSize: 128 });
      runs.push({ loss: epoch.loss, weights: await model.getWeights() });
      model.dispose();
    }
  } finally {
    backend.matmulVariant = 'tiled';
    train.dispose();
  }
  const [sparse, tiled] = runs;
  expect(sparse.loss).toBeCloseTo(tiled.loss, 5);
  for (const [i, w] of sparse.weights.entries())
    expectClose(w, tiled.weights[i], 1e-5, 1e-4, `parameter ${i}`);
});
