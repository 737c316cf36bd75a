import { expect, test } from 'vitest';
import type { Backend } from '../../src/backend/backend';
import { adam } from '../../src/nn/adam';
import type { Layer } from '../../src/nn/layer';
import { convBn, denseBn, PIXELS, pixels, trained } from '../nn/batchNormModels';
import { cpuBackend, expectClose, gpuBackend } from './harness';

// A dense and a conv stack with BatchNormalization trained 2 epochs (6 steps) on WebGPU and on the
// CPU reference from the same seed: the same batch statistics, moving averages (updated on the
// GPU), gradients and updates, so the same weights (moving statistics included), losses and
// predictions (which use the moving statistics).

const gpu = await gpuBackend();
const images = Float32Array.from(pixels.subarray(0, 4 * PIXELS), (v) => v / 255);

async function run(backend: Backend, layers: Layer[]) {
  const { model, data, logs } = await trained(backend, layers, 2, adam({ learningRate: 0.01 }));
  const result = {
    logs,
    weights: await model.getWeights(),
    evaluation: await model.evaluate(data),
    predictions: await model.predict(images),
  };
  model.dispose();
  data.dispose();
  return result;
}

for (const [name, layers] of [
  ['Dense(16, relu), BatchNormalization', denseBn],
  ['Conv2D(3) + BatchNormalization, pool, Dense(8) + BatchNormalization', convBn],
] as const)
  test(`${name} trains the same on WebGPU as on the CPU`, async () => {
    const [ours, reference] = [await run(gpu, layers()), await run(cpuBackend(), layers())];
    for (const [i, w] of reference.weights.entries())
      expectClose(ours.weights[i], w, 1e-4, 1e-3, `weights ${i}`);
    for (const [e, logs] of reference.logs.entries()) expect(ours.logs[e].loss).toBeCloseTo(logs.loss, 4);
    // At inference the moving statistics (6 steps from 0 and 1) scale large activations: relative.
    expectClose([ours.evaluation.loss], [reference.evaluation.loss], 5e-5, 2e-4, 'evaluation loss');
    expectClose(ours.predictions, reference.predictions, 1e-5, 5e-3, 'predictions');
  });
