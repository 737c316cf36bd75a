import { expect, test } from 'vitest';
import { Adam } from '../../src/nn/adam';
import { DeviceDataset } from '../../src/nn/dataset';
import { Dense } from '../../src/nn/dense';
import { Random } from '../../src/nn/random';
import { RMSprop } from '../../src/nn/rmsprop';
import { Sequential } from '../../src/nn/sequential';
import { SGD } from '../../src/nn/sgd';
import { gpuBackend } from './harness';

// A training step of the book's MLP (Dense(512, relu) -> Dense(10, softmax), batch 128) in at most
// 8 dispatches, counted by the backend (WebGPUBackend.dispatches), in each matmul variant and with
// each optimizer: on a real GPU each dispatch costs tens of microseconds of API overhead whatever
// its size.

const backend = await gpuBackend();
const PIXELS = 784;
const STEPS = 4;
const BATCH = 128;
const MAX_DISPATCHES_PER_STEP = 8;

const random = new Random(3);
// Mostly background, as MNIST is, so the register variant takes its sparse path as in a real run.
const pixels = Uint8Array.from({ length: STEPS * BATCH * PIXELS }, () =>
  random.next() < 0.8 ? 0 : Math.floor(random.next() * 256),
);
const labels = Uint8Array.from({ length: STEPS * BATCH }, (_, i) => i % 10);

const OPTIMIZERS = {
  rmsprop: () => new RMSprop(),
  sgd: () => new SGD({ learningRate: 0.1, momentum: 0.9, nesterov: true }),
  adam: () => new Adam(),
};
const RUNS = [
  ['register', 'rmsprop'],
  ['tiled', 'rmsprop'],
  ['register', 'sgd'],
  ['register', 'adam'],
  ['tiled', 'adam'],
] as const;

for (const [variant, optimizer] of RUNS) {
  test(`a step of the book's MLP is at most ${MAX_DISPATCHES_PER_STEP} dispatches (${variant}, ${optimizer})`, async () => {
    backend.matmulVariant = variant;
    const data = DeviceDataset.upload(backend, pixels, labels, PIXELS);
    const model = new Sequential([
      new Dense(512, { activation: 'relu', inputShape: [PIXELS] }),
      new Dense(10, { activation: 'softmax' }),
    ]);
    model.compile({ backend, optimizer: OPTIMIZERS[optimizer](), loss: 'categoricalCrossentropy', seed: 1 });
    await model.fit(data, { epochs: 1, batchSize: BATCH }); // compiles, allocates
    const [dispatches, submits] = [backend.dispatches, backend.submits];
    await model.fit(data, { epochs: 2, batchSize: BATCH, initialEpoch: 1, logEvery: STEPS });
    const perStep = (backend.dispatches - dispatches) / STEPS;
    const submitsPerStep = (backend.submits - submits) / STEPS;
    console.log(`${variant}, ${optimizer}: ${perStep} dispatches and ${submitsPerStep} submits per step`);
    expect(perStep).toBeLessThanOrEqual(MAX_DISPATCHES_PER_STEP);
    // Adam's changing step size costs no extra submits (its uniform ring outlasts a command buffer).
    expect(submitsPerStep).toBeLessThanOrEqual(1);
    // The loss fell: the fused step still trains.
    const evaluation = await model.evaluate(data);
    expect(evaluation.accuracy).toBeGreaterThan(0.3);
    model.dispose();
    data.dispose();
  });
}
