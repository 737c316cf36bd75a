// The step mode on real WebGPU (tests/cases/stepMode.ts): a paused fit trains one MNIST batch
// through inspectStep's probe; its losses before and after are the batch's own, evaluated on the
// device, and its changed units are those with the largest norms worked out on the CPU.
import { expect, test } from 'vitest';
import { loadMnist } from '../../src/data/mnist';
import { Conv2D } from '../../src/nn/conv2d';
import { Dense } from '../../src/nn/dense';
import { Flatten } from '../../src/nn/flatten';
import type { Layer } from '../../src/nn/layer';
import { MaxPooling2D } from '../../src/nn/maxPooling2d';
import { rmsprop } from '../../src/nn/rmsprop';
import { Sequential } from '../../src/nn/sequential';
import { checkStepWhilePaused } from '../cases/stepMode';
import { gpuBackend } from './harness';

const backend = await gpuBackend();
const mnist = await loadMnist('/mnist/');
const PIXELS = 784;
const IMAGES = 640;

function compiled(layers: Layer[]): Sequential {
  const model = new Sequential(layers);
  model.compile({
    backend,
    optimizer: rmsprop({ learningRate: 0.001 }),
    loss: 'categoricalCrossentropy',
    seed: 7,
  });
  return model;
}

const data = {
  pixels: mnist.train.pixels.subarray(0, IMAGES * PIXELS),
  labels: mnist.train.labels.subarray(0, IMAGES),
  pixelsPerImage: PIXELS,
};

test('the MLP (784 → 512 → 10): one step, its losses and its most changed hidden units', async () => {
  const mlp = () =>
    compiled([
      new Dense(512, { activation: 'relu', inputShape: [PIXELS] }),
      new Dense(10, { activation: 'softmax' }),
    ]);
  const [model, twin] = [mlp(), mlp()];
  const { inspection } = await checkStepWhilePaused({
    backend,
    model,
    twin,
    ...data,
    batchSize: 64,
    pauseAt: 5,
    kernelIndex: 0,
    rtol: 1e-4,
  });
  console.log('MLP step:', JSON.stringify(inspection));
  expect(inspection.layer).toEqual({ kind: 'Dense', index: 0, units: 512 });
  model.dispose();
  twin.dispose();
});

test('a ConvNet: one step, ranked over its first convolution’s filters', async () => {
  const convnet = () =>
    compiled([
      new Conv2D(8, { activation: 'relu', inputShape: [28, 28, 1] }),
      new MaxPooling2D(),
      new Flatten(),
      new Dense(10, { activation: 'softmax' }),
    ]);
  const [model, twin] = [convnet(), convnet()];
  const { inspection } = await checkStepWhilePaused({
    backend,
    model,
    twin,
    ...data,
    batchSize: 64,
    pauseAt: 2,
    kernelIndex: 0,
    rtol: 1e-4,
  });
  expect(inspection.layer).toEqual({ kind: 'Conv2D', index: 0, units: 8 });
  model.dispose();
  twin.dispose();
});
