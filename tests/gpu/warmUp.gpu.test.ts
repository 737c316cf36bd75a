// The warm-up compiles the pipeline of the optimizer it is told the run will use: that run's first
// steps then compile nothing. A warm-up for another optimizer leaves one pipeline to compile, which
// shows the check can fail.
import { expect, test } from 'vitest';
import type { WebGPUBackend } from '../../src/backend/webgpu/webgpuBackend';
import { loadMnist, PIXELS } from '../../src/data/mnist';
import { DeviceDataset } from '../../src/nn/dataset';
import { Dense } from '../../src/nn/dense';
import { DEFAULT_LEARNING_RATES, OPTIMIZER_KINDS, type OptimizerKind } from '../../src/nn/optimizer';
import { optimizerOf } from '../../src/nn/optimizers';
import { Sequential } from '../../src/nn/sequential';
import { warmUp } from '../../src/nn/warmUp';
import { gpuBackend } from './harness';

const mnist = await loadMnist('/mnist/');
const HIDDEN = 32;
const BATCH = 64;

/** Pipelines compiled by one epoch of a dense run with this optimizer, on 200 MNIST images. */
async function pipelinesOfARun(backend: WebGPUBackend, optimizer: OptimizerKind): Promise<number> {
  const data = DeviceDataset.upload(
    backend,
    mnist.train.pixels.subarray(0, 200 * PIXELS),
    mnist.train.labels.subarray(0, 200),
    PIXELS,
  );
  const model = new Sequential([
    new Dense(HIDDEN, { activation: 'relu', inputShape: [PIXELS] }),
    new Dense(10, { activation: 'softmax' }),
  ]);
  // SGD with momentum: its velocity is bound too (plain SGD's kernel is the same pipeline).
  const sgd = optimizer === 'sgd' ? { momentum: 0.9 } : {};
  model.compile({
    backend,
    optimizer: optimizerOf(optimizer, DEFAULT_LEARNING_RATES[optimizer], sgd),
    loss: 'categoricalCrossentropy',
  });
  const before = backend.pipelines.created;
  await model.fit(data, { epochs: 1, batchSize: BATCH });
  const compiled = backend.pipelines.created - before;
  model.dispose();
  data.dispose();
  return compiled;
}

test.each(OPTIMIZER_KINDS)('after a warm-up for %s, its run compiles no pipeline', async (optimizer) => {
  const backend = await gpuBackend();
  await warmUp(backend, PIXELS, BATCH, HIDDEN, { optimizer });
  expect(await pipelinesOfARun(backend, optimizer)).toBe(0);
  backend.device.destroy();
});

test("after a warm-up for RMSprop, an Adam run compiles Adam's pipeline, and only it", async () => {
  const backend = await gpuBackend();
  await warmUp(backend, PIXELS, BATCH, HIDDEN);
  expect(await pipelinesOfARun(backend, 'adam')).toBe(1);
  backend.device.destroy();
});
