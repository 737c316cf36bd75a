// "Download weights (safetensors)" read for real: a model the engine trained, exported as the app
// exports it, is read by the format's specification alone (struct and json, no PyTorch) and loaded
// by the generated PyTorch program, whose predictions on the 10,000 test images are the engine's.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, test } from 'vitest';
import { CpuBackend } from '../../src/backend/cpu/cpuBackend';
import { type LabelledImages, parseIdxImages, parseIdxLabels } from '../../src/data/idx';
import { PIXELS } from '../../src/data/mnist';
import { DeviceDataset } from '../../src/nn/dataset';
import { torchProgram } from '../../src/page/programs/torchProgram';
import { torchSafetensors, torchStateDict } from '../../src/page/torchWeights';
import { DEFAULT_SETTINGS, type Settings } from '../../src/protocol/settings';
import { exportedModelOf } from '../../src/worker/exportedModel';
import { buildModel } from '../../src/worker/model';
import { MNIST_DIR, runProgram, scratch, torchCheck, writeProgram } from './python';

/** The largest difference allowed between the engine's and PyTorch's probability of a class. */
const PROBABILITY_TOLERANCE = 1e-5;

let train: LabelledImages;
let test_: LabelledImages;

/** One of the app's MNIST sets, read from the files it serves. */
function mnistSet(kind: 'train' | 't10k'): LabelledImages {
  const file = (name: string) =>
    new Uint8Array(gunzipSync(readFileSync(join(MNIST_DIR, `${kind}-${name}.gz`))));
  const images = parseIdxImages(file('images-idx3-ubyte'), kind);
  return { ...images, labels: parseIdxLabels(file('labels-idx1-ubyte'), kind).labels };
}

beforeAll(() => {
  train = mnistSet('train');
  test_ = mnistSet('t10k');
});

/** A model of `settings` trained by the engine on the CPU backend, and its exported file. */
async function trainedByEngine(settings: Settings) {
  const backend = new CpuBackend();
  const model = buildModel(backend, settings);
  const n = settings.train;
  const data = DeviceDataset.upload(
    backend,
    train.pixels.subarray(0, n * PIXELS),
    train.labels.subarray(0, n),
    PIXELS,
  );
  await model.fit(data, { epochs: settings.epochs, batchSize: settings.batchSize });
  const exported = await exportedModelOf(model, settings);
  return { model, exported, file: torchSafetensors(exported) };
}

/** The engine's probabilities for all test images, 1,000 at a time. */
async function engineProbabilities(model: Awaited<ReturnType<typeof trainedByEngine>>['model']) {
  const out = new Float32Array(test_.labels.length * 10);
  for (let start = 0; start < test_.labels.length; start += 1000) {
    const pixels = Float32Array.from(
      test_.pixels.subarray(start * PIXELS, (start + 1000) * PIXELS),
      (p) => p / 255,
    );
    out.set(await model.predict(pixels), start * 10);
  }
  return out;
}

const argmax = (row: Float32Array) => row.indexOf(Math.max(...row));

async function expectSamePredictions(settings: Settings, what: string, minAccuracy = 0.7) {
  const dir = scratch();
  const { model, file } = await trainedByEngine(settings);
  const weights = join(dir, 'model.safetensors');
  writeFileSync(weights, file);
  const ours = await engineProbabilities(model);
  const out = join(dir, 'probabilities.f32');
  const { accuracy } = await torchCheck<{ accuracy: number }>(
    'predict',
    writeProgram(dir, settings),
    weights,
    MNIST_DIR,
    out,
  );
  const theirs = new Float32Array(new Uint8Array(readFileSync(out)).buffer);
  expect(theirs.length).toBe(ours.length);
  let worst = 0;
  let otherClass = 0;
  for (let i = 0; i < test_.labels.length; i++) {
    const [a, b] = [ours.subarray(i * 10, i * 10 + 10), theirs.subarray(i * 10, i * 10 + 10)];
    if (argmax(a) !== argmax(b)) otherClass++;
    for (let c = 0; c < 10; c++) worst = Math.max(worst, Math.abs(a[c] - b[c]));
  }
  console.info(
    `${what}: PyTorch's test accuracy ${accuracy}, largest probability difference ${worst.toExponential(2)}`,
  );
  expect(otherClass, 'images PyTorch puts in another class').toBe(0);
  expect(worst).toBeLessThanOrEqual(PROBABILITY_TOLERANCE);
  // A model that learned: a layout mistake could not hide behind random weights.
  expect(accuracy).toBeGreaterThan(minAccuracy);
}

describe('a model trained by the engine, in the PyTorch program', () => {
  test('the dense model predicts the same class for all 10,000 test images', async () => {
    const settings = { ...DEFAULT_SETTINGS, hidden: 128, train: 4096, epochs: 2, batchSize: 64, seed: 3 };
    await expectSamePredictions(settings, 'dense 784-128-10');
  });

  test('a ConvNet with every layer the editor offers predicts the same class for all 10,000', async () => {
    const settings: Settings = {
      ...DEFAULT_SETTINGS,
      model: 'convnet',
      layers: 'c8,p,c16,p,f,d32',
      train: 2048,
      epochs: 1,
      batchSize: 32,
      seed: 5,
    };
    await expectSamePredictions(settings, 'ConvNet c8,p,c16,p,f,d32');
  });

  test('a ConvNet with BatchNormalization (per channel and per unit) predicts the same class for all 10,000', async () => {
    const settings: Settings = {
      ...DEFAULT_SETTINGS,
      model: 'convnet',
      layers: 'c8,bn,p,f,d32,bn',
      train: 2048,
      epochs: 2,
      batchSize: 16,
      seed: 5,
    };
    // After 256 steps the moving variances (momentum 0.99, from 1) still hold 0.99^256 = 8% of
    // their start, several times the ReLU outputs' variance: inference lags training (0.68 here), as
    // in Keras on so short a run. The predictions agreeing with PyTorch's is the point.
    await expectSamePredictions(settings, 'ConvNet c8,bn,p,f,d32,bn', 0.6);
  });
});

describe('the weights file', () => {
  test('is what the safetensors specification defines, read by struct and json alone', async () => {
    const settings: Settings = {
      ...DEFAULT_SETTINGS,
      model: 'convnet',
      layers: 'c4,p,c6,f,d8',
      train: 64,
      epochs: 1,
    };
    const dir = scratch();
    const { exported, file } = await trainedByEngine(settings);
    writeFileSync(join(dir, 'model.safetensors'), file);
    const read = await torchCheck<{
      problems: string[];
      metadata: Record<string, string>;
      tensors: Record<string, { shape: number[]; dtype: string; values: number[] }>;
    }>('spec', join(dir, 'model.safetensors'));
    expect(read.problems).toEqual([]);
    const expected = torchStateDict(exported);
    expect(Object.keys(read.tensors).sort()).toEqual(expected.map((t) => t.name).sort());
    for (const { name, shape, data } of expected) {
      expect(read.tensors[name].shape, name).toEqual(shape);
      expect(read.tensors[name].dtype, name).toBe('F32');
      expect(Float32Array.from(read.tensors[name].values), name).toEqual(data);
    }
    expect(JSON.parse(read.metadata.settings)).toEqual(settings);
    expect(read.metadata.model).toBe(
      'Conv2D(4, 3x3, relu) → MaxPooling2D(2x2) → Conv2D(6, 3x3, relu) → Flatten → Dense(8, relu) → Dense(10, softmax)',
    );
  });

  test('of another model is refused by the program, naming both models', async () => {
    const dir = scratch();
    const { file } = await trainedByEngine({ ...DEFAULT_SETTINGS, hidden: 16, train: 64, epochs: 1 });
    writeFileSync(join(dir, 'model.safetensors'), file);
    const program = join(dir, 'digits_torch.py');
    writeFileSync(program, torchProgram({ ...DEFAULT_SETTINGS, hidden: 32 }));
    const run = await runProgram(program, [
      '--data',
      MNIST_DIR,
      '--weights',
      join(dir, 'model.safetensors'),
      '--epochs',
      '0',
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'holds the weights of Dense(16, relu) → Dense(10, softmax); this program builds Dense(32, relu) → Dense(10, softmax).',
    );
  });
});
