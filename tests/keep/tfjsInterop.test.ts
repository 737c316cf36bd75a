// Our models in TensorFlow.js and TensorFlow.js models here, checked with @tensorflow/tfjs itself
// (its pure-JS CPU backend in Node) on real MNIST test images.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, test } from 'vitest';
import { CpuBackend } from '../../src/backend/cpu/cpuBackend';
import { parseIdxImages } from '../../src/data/idx';
import { PIXELS } from '../../src/data/mnist';
import { DeviceDataset } from '../../src/nn/dataset';
import type { Sequential } from '../../src/nn/sequential';
import { denseStackOf } from '../../src/page/modelDownloads';
import { fromTfjs, toTfjs, WEIGHTS_FILE } from '../../src/page/tfjsFormat';
import { DEFAULT_SETTINGS } from '../../src/protocol/settings';
import { modelFromStack } from '../../src/worker/denseStack';
import { exportedModelOf } from '../../src/worker/exportedModel';
import { buildModel } from '../../src/worker/model';
import { expectClose } from '../cases/expectClose';

const IMAGES = 64;
/** The model as the TF.js download writes it (without the settings that name its optimizer). */
const stackOf = async (model: Sequential) => denseStackOf(await exportedModelOf(model, null));
const mnistFile = (name: string) =>
  gunzipSync(readFileSync(new URL(`../../public/mnist/${name}.gz`, import.meta.url)));

/** The first test images as floats in [0, 1], as the app feeds them. */
function testImages(): Float32Array {
  const { pixels } = parseIdxImages(new Uint8Array(mnistFile('t10k-images-idx3-ubyte')), 'test images');
  return Float32Array.from(pixels.subarray(0, IMAGES * PIXELS), (p) => p / 255);
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('export: a model trained here predicts the same in TensorFlow.js', () => {
  test('784 -> 48 relu -> 10 softmax after a few RMSprop steps', async () => {
    const backend = new CpuBackend();
    const ours = buildModel(backend, { ...DEFAULT_SETTINGS, hidden: 48, seed: 7 });
    const { pixels: trainPixels } = parseIdxImages(
      new Uint8Array(mnistFile('train-images-idx3-ubyte')),
      'train images',
    );
    const labels = new Uint8Array(readLabels()).subarray(0, 2048);
    const data = DeviceDataset.upload(backend, trainPixels.subarray(0, 2048 * PIXELS), labels, PIXELS);
    await ours.fit(data, { epochs: 1, batchSize: 32 });

    const { modelJson, weights } = toTfjs(await stackOf(ours));
    const parsed = JSON.parse(modelJson);
    const loaded = await tf.loadLayersModel(
      tf.io.fromMemory({
        modelTopology: parsed.modelTopology,
        weightSpecs: parsed.weightsManifest[0].weights,
        weightData: weights,
      }),
    );
    expect(loaded.layers.map((l) => l.getClassName())).toEqual(['Dense', 'Dense']);

    const images = testImages();
    const theirs = (loaded.predict(tf.tensor2d(images, [IMAGES, PIXELS])) as tf.Tensor).dataSync();
    const mine = await ours.predict(images);
    expectClose(mine, theirs as Float32Array, 1e-5, 1e-4, 'probabilities');
    // The trained weights are not the initial ones: this compares a model that learned something.
    expect(argmaxes(mine).filter((d, i) => d === testLabels()[i]).length).toBeGreaterThan(IMAGES * 0.75);
  });
});

describe('import: a model built and saved with TensorFlow.js predicts the same here', () => {
  test('784 -> 32 relu -> 16 linear -> 10 softmax, saved through a save handler', async () => {
    const model = tf.sequential({
      layers: [
        tf.layers.dense({ units: 32, activation: 'relu', inputShape: [PIXELS] }),
        tf.layers.dense({ units: 16, activation: 'linear', biasInitializer: 'randomNormal' }),
        tf.layers.dense({ units: 10, activation: 'softmax' }),
      ],
    });
    let saved: tf.io.ModelArtifacts | null = null;
    await model.save(
      tf.io.withSaveHandler(async (artifacts) => {
        saved = artifacts;
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
      }),
    );
    const artifacts = saved as unknown as tf.io.ModelArtifacts;
    // The files a browser download of this model would give: model.json and one weights file.
    const modelJson = JSON.stringify({
      format: 'layers-model',
      modelTopology: artifacts.modelTopology,
      weightsManifest: [{ paths: ['./model.weights.bin'], weights: artifacts.weightSpecs }],
    });
    const weightData = artifacts.weightData as ArrayBuffer;
    const stack = fromTfjs(modelJson, new Map([['model.weights.bin', weightData]]));
    expect(stack.layers).toEqual([
      { units: 32, activation: 'relu' },
      { units: 16, activation: 'linear' },
      { units: 10, activation: 'softmax' },
    ]);

    const ours = modelFromStack(new CpuBackend(), stack);
    const images = testImages();
    const theirs = (model.predict(tf.tensor2d(images, [IMAGES, PIXELS])) as tf.Tensor).dataSync();
    expectClose(await ours.predict(images), theirs as Float32Array, 1e-5, 1e-4, 'probabilities');
  });

  test('what we export imports back unchanged', async () => {
    const ours = buildModel(new CpuBackend(), { ...DEFAULT_SETTINGS, hidden: 20 });
    const stack = await stackOf(ours);
    const { modelJson, weights } = toTfjs(stack);
    expect(fromTfjs(modelJson, new Map([[WEIGHTS_FILE, weights]]))).toEqual(stack);
  });

  test('model.json says which optimizer trained it, and still imports', async () => {
    const ours = buildModel(new CpuBackend(), { ...DEFAULT_SETTINGS, hidden: 20 });
    const stack = { ...(await stackOf(ours)), trainedWith: { optimizer: 'Adam', learningRate: 0.001 } };
    const { modelJson, weights } = toTfjs(stack);
    expect(JSON.parse(modelJson).userDefinedMetadata).toEqual({
      trainedWith: { optimizer: 'Adam', learningRate: 0.001 },
    });
    const { trainedWith: _, ...rest } = stack;
    expect(fromTfjs(modelJson, new Map([[WEIGHTS_FILE, weights]]))).toEqual(rest);
  });
});

function readLabels(): Uint8Array {
  return mnistFile('train-labels-idx1-ubyte').subarray(8);
}

function testLabels(): Uint8Array {
  return mnistFile('t10k-labels-idx1-ubyte').subarray(8);
}

function argmaxes(probabilities: Float32Array): number[] {
  const out: number[] = [];
  for (let r = 0; r < probabilities.length / 10; r++) {
    const row = probabilities.subarray(r * 10, r * 10 + 10);
    out.push(row.indexOf(Math.max(...row)));
  }
  return out;
}
