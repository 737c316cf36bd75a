// BatchNormalization in TensorFlow.js's files: a Dense stack trained here with it loads in
// TensorFlow.js itself (its CPU backend in Node) with a BatchNormalization layer holding our gamma,
// beta and moving statistics and predicts the same (inference uses the moving statistics in both);
// the files come back as the same stack, which the engine builds and predicts the same with.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, test } from 'vitest';
import { CpuBackend } from '../../src/backend/cpu/cpuBackend';
import { PIXELS } from '../../src/data/mnist';
import { DeviceDataset } from '../../src/nn/dataset';
import { denseStackOf } from '../../src/page/modelDownloads';
import { fromTfjs, toTfjs, WEIGHTS_FILE } from '../../src/page/tfjsFormat';
import { DEFAULT_SETTINGS } from '../../src/protocol/settings';
import { modelFromStack } from '../../src/worker/denseStack';
import { exportedModelOf } from '../../src/worker/exportedModel';
import { buildModel } from '../../src/worker/model';
import { expectClose } from '../cases/expectClose';

const COUNT = 64;
const pixels = Uint8Array.from({ length: COUNT * PIXELS }, (_, i) => ((i * 2654435761) >>> 24) & 255);
const labels = Uint8Array.from({ length: COUNT }, (_, i) => i % 10);
const images = Float32Array.from(pixels.subarray(0, 4 * PIXELS), (v) => v / 255);

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('BatchNormalization in TF.js files', () => {
  test('export: f,d32,bn,d16,bn loads as Dense, BatchNormalization, Dense, BatchNormalization, Dense and predicts the same; import brings it back', async () => {
    const backend = new CpuBackend();
    const settings = { ...DEFAULT_SETTINGS, model: 'convnet' as const, layers: 'f,d32,bn,d16,bn', seed: 3 };
    const ours = buildModel(backend, settings);
    await ours.fit(DeviceDataset.upload(backend, pixels, labels, PIXELS), { epochs: 2, batchSize: 16 });
    const stack = denseStackOf(await exportedModelOf(ours, null));
    expect(stack.layers).toEqual([
      { units: 32, activation: 'relu', batchNormAfter: true },
      { units: 16, activation: 'relu', batchNormAfter: true },
      { units: 10, activation: 'softmax' },
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
    expect(loaded.layers.map((l) => l.getClassName())).toEqual([
      'Dense',
      'BatchNormalization',
      'Dense',
      'BatchNormalization',
      'Dense',
    ]);
    // TF.js holds our moving statistics as its own (non-trainable) weights.
    const theirMoving = loaded.layers[1].getWeights().map((w) => w.dataSync() as Float32Array);
    const ourWeights = await ours.getWeights();
    for (let k = 0; k < 4; k++) expect(Array.from(theirMoving[k])).toEqual(Array.from(ourWeights[2 + k]));
    const expected = await ours.predict(images);
    const theirs = (loaded.predict(tf.tensor2d(images, [4, PIXELS])) as tf.Tensor).dataSync();
    expectClose(expected, theirs as Float32Array, 1e-5, 1e-4, 'probabilities');

    // And back: the same stack, which the engine builds and predicts the same with.
    const imported = fromTfjs(modelJson, new Map([[WEIGHTS_FILE, weights]]));
    expect(imported.layers).toEqual(stack.layers);
    expect(imported.weights.map((w) => w.length)).toEqual(stack.weights.map((w) => w.length));
    const rebuilt = modelFromStack(backend, imported);
    expect(await rebuilt.predict(images)).toEqual(expected);
  });

  test('import: a BatchNormalization the app cannot run is refused, naming the layer', () => {
    const stack = (bn: Record<string, unknown>) => ({
      format: 'layers-model',
      modelTopology: {
        class_name: 'Sequential',
        config: {
          layers: [
            {
              class_name: 'Dense',
              config: { name: 'dense', units: 10, activation: 'softmax', batch_input_shape: [null, 784] },
            },
            { class_name: 'BatchNormalization', config: { name: 'bn', ...bn } },
          ],
        },
      },
      weightsManifest: [
        {
          paths: ['./w.bin'],
          weights: [
            { name: 'dense/kernel', shape: [784, 10], dtype: 'float32' },
            { name: 'dense/bias', shape: [10], dtype: 'float32' },
          ],
        },
      ],
    });
    const read = (bn: Record<string, unknown>) => () =>
      fromTfjs(JSON.stringify(stack(bn)), new Map([['w.bin', new ArrayBuffer(7850 * 4)]]));
    expect(read({ epsilon: 0.01 })).toThrow(
      "Layer bn has epsilon 0.01; only Keras's default 0.001 is supported.",
    );
    expect(read({ axis: 0 })).toThrow('Layer bn normalises axis 0; only the last axis is supported.');
    expect(read({})).toThrow('The weights have no gamma for layer bn.');
    expect(read({ center: false })).toThrow('Layer bn has no beta or gamma');
  });
});
