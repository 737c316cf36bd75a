import { expect, test } from 'vitest';
import { DeviceDataset } from '../../src/nn/dataset';
import { Random } from '../../src/nn/random';
import { DEFAULT_SETTINGS, type Settings } from '../../src/protocol/settings';
import { buildModel } from '../../src/worker/model';
import { gpuBackend } from './harness';

// What Dropout and weight regularization cost in dispatches, on the model the app builds: the book's
// MLP with none of them keeps its 8 dispatches a step; L2 (and L1) adds one (the penalty shown in
// the loss; its gradient rides in the optimizer's dispatch), a Dropout after a hidden layer two
// (forward, backward: the ReLU's mask still rides in the next matmul), one on the input one.

const backend = await gpuBackend();
const PIXELS = 784;
const STEPS = 3;
const BATCH = 128;
const random = new Random(5);
const pixels = Uint8Array.from({ length: STEPS * BATCH * PIXELS }, () =>
  random.next() < 0.8 ? 0 : Math.floor(random.next() * 256),
);
const labels = Uint8Array.from({ length: STEPS * BATCH }, (_, i) => i % 10);

async function dispatchesPerStep(settings: Settings): Promise<number> {
  backend.matmulVariant = 'register';
  const data = DeviceDataset.upload(backend, pixels, labels, PIXELS);
  const model = buildModel(backend, { ...settings, batchSize: BATCH });
  await model.fit(data, { epochs: 1, batchSize: BATCH }); // compiles, allocates
  const before = backend.dispatches;
  await model.fit(data, { epochs: 2, batchSize: BATCH, initialEpoch: 1, logEvery: STEPS });
  const perStep = (backend.dispatches - before) / STEPS;
  model.dispose();
  data.dispose();
  return perStep;
}

const stack = (layers: string): Settings => ({ ...DEFAULT_SETTINGS, model: 'convnet', layers });

test("the book's MLP keeps its 8 dispatches a step; L2 adds 1, a hidden Dropout 2, BatchNormalization 4", async () => {
  const book = await dispatchesPerStep(DEFAULT_SETTINGS);
  const asStack = await dispatchesPerStep(stack('f,d512'));
  const l2 = await dispatchesPerStep(stack('f,d512:l2=0.001'));
  const l1l2 = await dispatchesPerStep(stack('f,d512:l1=1e-5:l2=0.001'));
  const dropout = await dispatchesPerStep(stack('f,d512,dr0.5'));
  const both = await dispatchesPerStep(stack('f,dr0.2,d512:l2=0.001,dr0.5'));
  const batchNorm = await dispatchesPerStep(stack('f,d512,bn'));
  console.log({ book, asStack, l2, l1l2, dropout, both, batchNorm });
  expect(book).toBeLessThanOrEqual(8);
  expect(asStack).toBe(book);
  expect(l2).toBe(book + 1);
  expect(l1l2).toBe(book + 1);
  expect(dropout).toBe(book + 2);
  // Dropout on the input has no backward (nothing before it learns): 1 + 1 + 2.
  expect(both).toBe(book + 4);
  // BatchNormalization: statistics (with the moving averages) and normalise forward; dgamma/dbeta
  // and dx backward, the ReLU's mask riding in dx's kernel.
  expect(batchNorm).toBe(book + 4);
});
