import { expect, test } from 'vitest';
import { CpuBackend } from '../../src/backend/cpu/cpuBackend';
import { Conv2D } from '../../src/nn/conv2d';
import { DeviceDataset } from '../../src/nn/dataset';
import { Dense } from '../../src/nn/dense';
import { Flatten } from '../../src/nn/flatten';
import { MaxPooling2D } from '../../src/nn/maxPooling2d';
import { Random } from '../../src/nn/random';
import { rmsprop } from '../../src/nn/rmsprop';
import { Sequential } from '../../src/nn/sequential';

// The Keras-shaped API end to end on the CPU reference backend, on a tiny separable problem:
// 4 classes, each a bright block in a different quarter of an 8-pixel "image".

function blocks(count: number, seed: number) {
  const random = new Random(seed);
  const pixels = new Uint8Array(count * 8);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const label = Math.floor(random.next() * 4);
    labels[i] = label;
    for (let p = 0; p < 8; p++)
      pixels[i * 8 + p] = Math.floor(random.next() * 60) + (Math.floor(p / 2) === label ? 180 : 0);
  }
  return { pixels, labels };
}

function model(seed = 1) {
  const backend = new CpuBackend();
  const m = new Sequential([
    new Dense(16, { activation: 'relu', inputShape: [8] }),
    new Dense(4, { activation: 'softmax' }),
  ]);
  m.compile({
    backend,
    optimizer: rmsprop({ learningRate: 0.01 }),
    loss: 'categoricalCrossentropy',
    seed,
  });
  return { backend, m };
}

test('fit learns a separable problem; evaluate and predict agree with it', async () => {
  const { backend, m } = model();
  const data = blocks(200, 1);
  const train = DeviceDataset.upload(backend, data.pixels, data.labels, 8);
  const history = await m.fit(train, { epochs: 5, batchSize: 16, logEvery: 4 });
  expect(history).toHaveLength(5);
  expect(history[4].loss).toBeLessThan(history[0].loss);
  const evaluation = await m.evaluate(train, { batchSize: 64 });
  expect(evaluation.accuracy).toBeGreaterThan(0.95);
  const probs = await m.predict(Float32Array.from(data.pixels.subarray(0, 8 * 4), (v) => v / 255));
  for (let r = 0; r < 4; r++) {
    const row = probs.subarray(r * 4, r * 4 + 4);
    expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    expect(row.indexOf(Math.max(...row))).toBe(data.labels[r]);
  }
});

test('the same seed reproduces a run exactly; another seed does not', async () => {
  const data = blocks(64, 2);
  const run = async (seed: number) => {
    const { backend, m } = model(seed);
    await m.fit(DeviceDataset.upload(backend, data.pixels, data.labels, 8), { epochs: 2, batchSize: 10 });
    return (await m.getWeights())[0];
  };
  const [a, b, c] = [await run(3), await run(3), await run(4)];
  expect(Array.from(a)).toEqual(Array.from(b));
  expect(Array.from(a)).not.toEqual(Array.from(c));
});

test('onBatchEnd reports the batches seen, and stopTraining ends fit early', async () => {
  const { backend, m } = model();
  const data = blocks(100, 3);
  const reported: number[] = [];
  const history = await m.fit(DeviceDataset.upload(backend, data.pixels, data.labels, 8), {
    epochs: 3,
    batchSize: 10,
    logEvery: 2,
    onBatchEnd: (logs) => {
      reported.push(logs.batch);
      if (logs.batch >= 6) m.stopTraining = true;
    },
  });
  expect(reported.slice(0, 3)).toEqual([2, 4, 6]);
  expect(history).toHaveLength(1);
});

test('bad settings are refused with a message', () => {
  expect(() => new Dense(0)).toThrow(/units/);
  expect(() => rmsprop({ learningRate: -1 })).toThrow(/Learning rate must be between/);
  expect(() => new Sequential([new Dense(4, { activation: 'softmax' })])).toThrow(/inputShape/);
  expect(() => new Sequential([new Dense(4, { activation: 'relu', inputShape: [3] })])).toThrow(/softmax/);
});

/** 4x4 images, 4 classes: a bright 2x2 quadrant. */
function quadrants(count: number, seed: number) {
  const random = new Random(seed);
  const pixels = new Uint8Array(count * 16);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const label = Math.floor(random.next() * 4);
    labels[i] = label;
    for (let p = 0; p < 16; p++) {
      const quadrant = (Math.floor(p / 8) << 1) | Math.floor((p % 4) / 2);
      pixels[i * 16 + p] = Math.floor(random.next() * 60) + (quadrant === label ? 180 : 0);
    }
  }
  return { pixels, labels };
}

test('a small ConvNet learns quadrants, its rows of 16 pixels seen as 4x4 images', async () => {
  const backend = new CpuBackend();
  const m = new Sequential([
    new Conv2D(6, { activation: 'relu', inputShape: [4, 4, 1] }),
    new MaxPooling2D(),
    new Flatten(),
    new Dense(4, { activation: 'softmax' }),
  ]);
  m.compile({
    backend,
    optimizer: rmsprop({ learningRate: 0.01 }),
    loss: 'categoricalCrossentropy',
    seed: 3,
  });
  expect(m.inputDim).toBe(16);
  expect(m.parameterCount).toBe(60 + 7 * 4);
  const data = quadrants(300, 4);
  const train = DeviceDataset.upload(backend, data.pixels, data.labels, 16);
  const history = await m.fit(train, { epochs: 6, batchSize: 16 });
  expect(history[5].loss).toBeLessThan(history[0].loss);
  expect((await m.evaluate(train)).accuracy).toBeGreaterThan(0.9);
  const probs = await m.predict(Float32Array.from(data.pixels.subarray(0, 16), (v) => v / 255));
  expect(probs.indexOf(Math.max(...probs))).toBe(data.labels[0]);
});

test('layers that cannot take their input are refused when the model is compiled, leaking nothing', () => {
  const tooSmall = new Sequential([
    new Conv2D(2, { inputShape: [2, 4, 1] }),
    new Flatten(),
    new Dense(4, { activation: 'softmax' }),
  ]);
  expect(() =>
    tooSmall.compile({ backend: new CpuBackend(), optimizer: rmsprop(), loss: 'categoricalCrossentropy' }),
  ).toThrow('Conv2D: a 2x4 input is smaller than its 3x3 kernel');
  const noFlatten = new Sequential([
    new Conv2D(2, { inputShape: [4, 4, 1] }),
    new Dense(4, { activation: 'softmax' }),
  ]);
  const backend = new CpuBackend();
  expect(() => noFlatten.compile({ backend, optimizer: rmsprop(), loss: 'categoricalCrossentropy' })).toThrow(
    /Flatten/,
  );
  // The Conv2D built before the Dense failed: its weights are freed again.
  expect(backend.bytesInUse).toBe(0);
  expect(() => new Sequential([new MaxPooling2D(), new Dense(4, { activation: 'softmax' })])).toThrow(
    /inputShape/,
  );
});
