// Dropout in TensorFlow.js's files: a stack trained here with Dropout loads in TensorFlow.js itself
// (its CPU backend in Node) with a Dropout layer of the same rate (and a Dense layer's L2 as its
// kernelRegularizer) and predicts the same, and a TF.js model with Dropout comes back with its rate.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, test } from 'vitest';
import { CpuBackend } from '../../src/backend/cpu/cpuBackend';
import { PIXELS } from '../../src/data/mnist';
import { DeviceDataset } from '../../src/nn/dataset';
import { denseStackOf } from '../../src/page/modelDownloads';
import { fromTfjs, toTfjs, WEIGHTS_FILE } from '../../src/page/tfjsFormat';
import { DEFAULT_SETTINGS } from '../../src/protocol/settings';
import { exportedModelOf } from '../../src/worker/exportedModel';
import { buildModel } from '../../src/worker/model';
import { expectClose } from '../cases/expectClose';

const COUNT = 64;
const pixels = Uint8Array.from({ length: COUNT * PIXELS }, (_, i) => ((i * 2654435761) >>> 24) & 255);
const labels = Uint8Array.from({ length: COUNT }, (_, i) => i % 10);

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('Dropout in TF.js files', () => {
  test('export: f,dr0.2,d32:l2=0.001,dr0.5 loads as Dropout, Dense (L2), Dropout, Dense and predicts the same', async () => {
    const backend = new CpuBackend();
    const settings = {
      ...DEFAULT_SETTINGS,
      model: 'convnet' as const,
      layers: 'f,dr0.2,d32:l2=0.001,dr0.5',
      seed: 3,
    };
    const ours = buildModel(backend, settings);
    await ours.fit(DeviceDataset.upload(backend, pixels, labels, PIXELS), { epochs: 1, batchSize: 16 });
    const stack = denseStackOf(await exportedModelOf(ours, null));
    expect(stack.layers).toEqual([
      { units: 32, activation: 'relu', dropoutBefore: 0.2, kernelRegularizer: { l1: 0, l2: 0.001 } },
      { units: 10, activation: 'softmax', dropoutBefore: 0.5 },
    ]);
    const { modelJson, weights } = toTfjs(stack);
    const parsed = JSON.parse(modelJson);
    const loaded = await tf.loadLayersModel(
      tf.io.fromMemory({
        modelTopology: parsed.modelTopology,
        weightSpecs: parsed.weightsManifest[0].weights,
        weightData: weights,
      }),
    );
    expect(loaded.layers.map((l) => l.getClassName())).toEqual(['Dropout', 'Dense', 'Dropout', 'Dense']);
    expect(loaded.layers.map((l) => (l.getConfig() as { rate?: number }).rate)).toEqual([
      0.2,
      undefined,
      0.5,
      undefined,
    ]);
    // TF.js reads the regularizer back as its own L1L2.
    const regularizer = (loaded.layers[1].getConfig() as { kernelRegularizer?: unknown }).kernelRegularizer;
    expect(regularizer).toEqual({ className: 'L1L2', config: { l1: 0, l2: 0.001 } });
    const images = Float32Array.from(pixels.subarray(0, 4 * PIXELS), (v) => v / 255);
    const theirs = (loaded.predict(tf.tensor2d(images, [4, PIXELS])) as tf.Tensor).dataSync();
    expectClose(await ours.predict(images), theirs as Float32Array, 1e-5, 1e-4, 'probabilities');
    // And back: the rates come home.
    expect(fromTfjs(modelJson, new Map([[WEIGHTS_FILE, weights]])).layers).toEqual(stack.layers);
  });

  test('import: a Dropout of rate 1 or more is refused, naming the layer', () => {
    const model = {
      format: 'layers-model',
      modelTopology: {
        class_name: 'Sequential',
        config: {
          layers: [
            { class_name: 'Dropout', config: { name: 'drop', rate: 1, batch_input_shape: [null, 784] } },
          ],
        },
      },
      weightsManifest: [{ paths: [`./${WEIGHTS_FILE}`], weights: [] }],
    };
    expect(() => fromTfjs(JSON.stringify(model), new Map([[WEIGHTS_FILE, new ArrayBuffer(0)]]))).toThrow(
      'Layer drop is a Dropout with rate 1; a rate is from 0 to below 1.',
    );
  });
});
