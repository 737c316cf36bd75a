import { expect, test } from 'vitest';
import type { Backend } from '../../src/backend/backend';
import { reshape, softmaxCrossEntropy } from '../../src/engine/ops';
import { Tape } from '../../src/engine/tape';
import { Tensor } from '../../src/engine/tensor';
import { buildLayers } from '../../src/nn/architecture';
import { DeviceDataset } from '../../src/nn/dataset';
import { rmsprop } from '../../src/nn/rmsprop';
import { Sequential } from '../../src/nn/sequential';
import { BOOK_CONVNET } from '../../src/protocol/layers';
import { cpuBackend, expectClose, gpuBackend, randomArray } from './harness';

// The book's ConvNet end to end: the same seeded model on WebGPU and on the CPU reference gives the
// same loss and the same gradient for every parameter, on a batch of 3 (not a tile multiple).
const gpu = await gpuBackend();
const cpu = cpuBackend();
const ROWS = 3;

function compiled(backend: Backend): Sequential {
  const model = new Sequential(buildLayers(BOOK_CONVNET));
  model.compile({ backend, optimizer: rmsprop(), loss: 'categoricalCrossentropy', seed: 7 });
  return model;
}

async function lossAndGradients(backend: Backend) {
  const model = compiled(backend);
  const tape = new Tape(backend);
  const pixels = randomArray(ROWS * 784, 5, 0, 1);
  const input = Tensor.from(backend, [ROWS, 784], pixels);
  const labels = backend.alloc(ROWS);
  backend.write(labels, Uint32Array.from([3, 0, 9]));
  const metrics = backend.alloc(4);
  backend.fill(metrics, 0);
  let h = reshape(tape, input, [ROWS, 28, 28, 1]);
  for (const layer of model.layers) h = layer.forward(tape, h);
  const { loss } = softmaxCrossEntropy(tape, h, labels, metrics);
  tape.backward(loss);
  const result = {
    loss: (await loss.toArray())[0],
    grads: await Promise.all(model.parameters.map((p) => (p.grad as Tensor).toArray())),
  };
  tape.release();
  model.dispose();
  return result;
}

test("the book's ConvNet: loss and every parameter's gradient match the CPU reference", async () => {
  const [g, c] = [await lossAndGradients(gpu), await lossAndGradients(cpu)];
  expect(Math.abs(g.loss - c.loss)).toBeLessThan(1e-5);
  expect(g.grads).toHaveLength(10);
  g.grads.forEach((grad, i) => {
    const scale = Math.max(...c.grads[i].map(Math.abs));
    expect(scale, `parameter ${i} has a gradient`).toBeGreaterThan(0);
    expectClose(grad, c.grads[i], 1e-4 * scale, 1e-3, `parameter ${i}`);
  });
});

test('fit, evaluate and predict run on WebGPU and agree with the CPU on the probabilities', async () => {
  const count = 70; // a batch of 64 and a last one of 6
  const bytes = Uint8Array.from(randomArray(count * 784, 9, 0, 255), Math.floor);
  const labels = Uint8Array.from({ length: count }, (_, i) => i % 10);
  const model = compiled(gpu);
  const data = DeviceDataset.upload(gpu, bytes, labels, 784);
  const history = await model.fit(data, { epochs: 1, batchSize: 64 });
  expect(Number.isFinite(history[0].loss)).toBe(true);
  expect((await model.evaluate(data)).accuracy).toBeGreaterThanOrEqual(0);
  const weights = await model.getWeights();
  const reference = compiled(cpu);
  reference.setWeights(weights);
  const image = Float32Array.from(bytes.subarray(0, 784), (v) => v / 255);
  expectClose(await model.predict(image), await reference.predict(image), 1e-5, 1e-4, 'probabilities');
  model.dispose();
  reference.dispose();
  data.dispose();
});
