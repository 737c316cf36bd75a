import { expect, test } from 'vitest';
import type { Backend } from '../../src/backend/backend';
import { DeviceDataset } from '../../src/nn/dataset';
import { DEFAULT_SETTINGS, type Settings } from '../../src/protocol/settings';
import { buildModel } from '../../src/worker/model';
import { cpuBackend, expectClose, gpuBackend } from './harness';

// A ConvNet with Dropout (on an image and on a dense layer) and L1/L2 (on a Conv2D and a Dense)
// trained a few steps on WebGPU and on the CPU reference from the same seed: the same masks, the
// same penalty in the loss, the same updates, so the same weights and losses.

const gpu = await gpuBackend();
const PIXELS = 784;
const COUNT = 48;
const pixels = Uint8Array.from({ length: COUNT * PIXELS }, (_, i) => ((i * 2654435761) >>> 24) & 255);
const labels = Uint8Array.from({ length: COUNT }, (_, i) => (i * 7) % 10);

async function train(backend: Backend, settings: Settings) {
  const data = DeviceDataset.upload(backend, pixels, labels, PIXELS);
  const model = buildModel(backend, settings);
  const logs = await model.fit(data, { epochs: 2, batchSize: 16 });
  const evaluation = await model.evaluate(data);
  const weights = await model.getWeights();
  model.dispose();
  data.dispose();
  return { logs, evaluation, weights };
}

for (const optimizer of ['sgd', 'adam'] as const)
  test(`Dropout and L1/L2 train the same on WebGPU as on the CPU (${optimizer})`, async () => {
    const settings: Settings = {
      ...DEFAULT_SETTINGS,
      model: 'convnet',
      layers: 'c4:l1=0.001:l2=0.01,p,dr0.25,f,d16:l2=0.05,dr0.5',
      optimizer,
      learningRate: optimizer === 'sgd' ? 0.05 : 0.001,
      momentum: 0.9,
      seed: 11,
    };
    const [ours, reference] = [await train(gpu, settings), await train(cpuBackend(), settings)];
    for (const [i, w] of reference.weights.entries())
      expectClose(ours.weights[i], w, 1e-4, 1e-3, `weights ${i}`);
    for (const [e, logs] of reference.logs.entries()) expect(ours.logs[e].loss).toBeCloseTo(logs.loss, 4);
    expect(ours.evaluation.loss).toBeCloseTo(reference.evaluation.loss, 4);
  });
