// "Train on my digits too" on real WebGPU: a batch that mixes MNIST's images with the user's
// (uploaded as one dataset by uploadMixed, ordered by mixedOrder) and augments them on the GPU equals
// the CPU reference, and its last rows are the user's images with the user's labels.
import { describe, expect, test } from 'vitest';
import { DEFAULT_AUGMENT, NO_AUGMENT } from '../../src/backend/augmentation';
import type { Backend } from '../../src/backend/backend';
import { Dense } from '../../src/nn/dense';
import { uploadMixed } from '../../src/nn/mixedDataset';
import { mixedBatchCount, mixedOrder } from '../../src/nn/mixedOrder';
import { Random } from '../../src/nn/random';
import { rmsprop } from '../../src/nn/rmsprop';
import { Sequential } from '../../src/nn/sequential';
import { fakeDataset } from '../cases/gatherBatch.cases';
import { cpuBackend, expectClose, gpuBackend } from './harness';

const PIXELS = 784;
const BATCH = 128;
const mnist = fakeDataset(
  { name: 'mnist', images: 300, pixelsPerImage: PIXELS, offset: 0, rows: 0, atol: 0, rtol: 0 },
  1,
);
const user = fakeDataset(
  { name: 'user', images: 7, pixelsPerImage: PIXELS, offset: 0, rows: 0, atol: 0, rtol: 0 },
  2,
);
// Labels the MNIST part never has, so a row's source shows in its label.
const userLabels = user.labels.map((_, i) => 240 + i);
const mainLabels = mnist.labels.map((l) => l % 200);

/** Batch `batch` of the mixed epoch, gathered on `b` with `ranges`: its x and labels. */
async function mixedBatch(b: Backend, batch: number, ranges = DEFAULT_AUGMENT) {
  const { dataset, mix } = uploadMixed(
    b,
    { pixels: mnist.pixels, labels: mainLabels },
    { pixels: user.pixels, labels: userLabels },
    PIXELS,
    BATCH,
  );
  if (!mix) throw new Error('nothing mixed');
  const order = mixedOrder(new Random(3).permutation(300), BATCH, mix, 5);
  const orderStorage = b.alloc(order.length);
  b.write(orderStorage, order);
  const offset = batch * BATCH;
  const rows = Math.min(BATCH, order.length - offset);
  const [x, labels] = [b.alloc(rows * PIXELS), b.alloc(rows)];
  b.fill(x, Number.NaN);
  b.gatherBatchAugmented({
    x,
    labels,
    images: dataset.images,
    labelBytes: dataset.labels,
    order: orderStorage,
    offset,
    rows,
    pixelsPerImage: PIXELS,
    width: 28,
    height: 28,
    seed: 9,
    step: batch,
    ranges,
  });
  const out = {
    x: await b.read(x),
    labels: Array.from(await b.readU32(labels)),
    order: order.subarray(offset, offset + rows),
    mix,
  };
  for (const s of [x, labels, orderStorage]) b.free(s);
  dataset.dispose();
  return out;
}

const gpu = await gpuBackend();
const cpu = cpuBackend();

describe('a batch mixing MNIST and the user digits', () => {
  for (const batch of [0, 2]) // a full batch, and the last (partial) one
    test(`batch ${batch}, augmented on the GPU, equals the CPU reference`, async () => {
      const [g, c] = [await mixedBatch(gpu, batch), await mixedBatch(cpu, batch)];
      expectClose(g.x, c.x, 1e-5, 0, 'x');
      expect(g.labels).toEqual(c.labels);
      // Its last rows are the user's, with their labels; the rest MNIST's.
      const { perBatch } = g.mix;
      expect(g.labels.slice(-perBatch).every((l) => l >= 240)).toBe(true);
      expect(g.labels.slice(0, -perBatch).every((l) => l < 200)).toBe(true);
    });

  test('without movement, the user rows are the user images themselves', async () => {
    const g = await mixedBatch(gpu, 1, NO_AUGMENT);
    const { perBatch } = g.mix;
    for (let r = g.order.length - perBatch; r < g.order.length; r++) {
      const image = g.order[r] - 300;
      const expected = Array.from(user.pixels.subarray(image * PIXELS, (image + 1) * PIXELS), (v) => v / 255);
      expectClose(g.x.subarray(r * PIXELS, (r + 1) * PIXELS), expected, 0, 3e-7, `row ${r}`);
      expect(g.labels[r]).toBe(240 + image);
    }
  });
});

test('fit with a mix trains every mixed batch of the epoch, and learns otherwise than without it', async () => {
  const labels = { main: mnist.labels.map((l) => l % 10), user: user.labels.map((l) => l % 10) };
  async function train(withMix: boolean) {
    const { dataset, mix } = uploadMixed(
      gpu,
      { pixels: mnist.pixels, labels: labels.main },
      { pixels: user.pixels, labels: labels.user },
      PIXELS,
      48,
    );
    const model = new Sequential([
      new Dense(8, { activation: 'relu', inputShape: [PIXELS] }),
      new Dense(10, { activation: 'softmax' }),
    ]);
    model.compile({
      backend: gpu,
      optimizer: rmsprop({ learningRate: 0.001 }),
      loss: 'categoricalCrossentropy',
      seed: 2,
    });
    let batches = 0;
    await model.fit(dataset, {
      batchSize: 48,
      augment: true,
      ...(withMix && mix ? { mix } : {}),
      logEvery: 1,
      onBatchEnd: (logs) => {
        batches = logs.batches;
      },
    });
    const weights = (await model.getWeights()).map((w) => Array.from(w));
    model.dispose();
    dataset.dispose();
    return { batches, weights, mix };
  }
  const mixed = await train(true);
  const plain = await train(false);
  // 300 MNIST images, 48 - 6 of them a batch: 8 batches (without the mix, 307 images: 7).
  expect(mixed.mix?.perBatch).toBe(6);
  expect(mixed.batches).toBe(mixedBatchCount(300, 48, 6));
  expect(mixed.batches).toBe(8);
  expect(plain.batches).toBe(7);
  expect(mixed.weights).not.toEqual(plain.weights);
});
