// The PyTorch weights: the exported tensors, run through the PyTorch program's modules as PyTorch
// defines them (written out here: NCHW images, Conv2d weight [out, in, kh, kw], Flatten over
// channel, row, column, Linear y = x·Wᵀ + b), give the engine's predictions. tests/torch does the
// same with PyTorch itself.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, test } from 'vitest';
import { CpuBackend } from '../../src/backend/cpu/cpuBackend';
import { parseIdxImages } from '../../src/data/idx';
import { PIXELS } from '../../src/data/mnist';
import { denseStackOf } from '../../src/page/modelDownloads';
import { describeRun } from '../../src/page/programs/runDescription';
import { torchModules } from '../../src/page/programs/torchModules';
import { runLayers } from '../../src/page/programs/torchProgram';
import { torchMetadata, torchStateDict } from '../../src/page/torchWeights';
import type { ExportedModel } from '../../src/protocol/protocol';
import { DEFAULT_SETTINGS, type Settings } from '../../src/protocol/settings';
import { exportedModelOf } from '../../src/worker/exportedModel';
import { buildModel } from '../../src/worker/model';
import { expectClose } from '../cases/expectClose';
import { randomArray } from '../cases/random';

const IMAGES = 6;
let pixels: Float32Array;

beforeAll(() => {
  const file = new Uint8Array(
    gunzipSync(readFileSync(new URL('../../public/mnist/t10k-images-idx3-ubyte.gz', import.meta.url))),
  );
  pixels = Float32Array.from(
    parseIdxImages(file, 'test images').pixels.subarray(0, IMAGES * PIXELS),
    (p) => p / 255,
  );
});

/** A tensor as PyTorch holds one: its shape and its values, row-major. */
interface T {
  shape: number[];
  data: Float32Array;
}

/** The modules, as PyTorch's documentation defines each, on one image [channels, height, width] or [features]. */
function torchForward(model: ExportedModel, image: Float32Array): Float32Array {
  const state = new Map(torchStateDict(model).map((t) => [t.name, t]));
  let x: T =
    model.inputShape.length === 1 ? { shape: [PIXELS], data: image } : { shape: [1, 28, 28], data: image };
  torchModules(model.inputShape, model.layers).forEach(({ code }, index) => {
    const weight = state.get(`${index}.weight`) as T;
    const bias = state.get(`${index}.bias`) as T;
    if (code.startsWith('nn.Conv2d')) {
      const [outC, inC] = weight.shape;
      const [, h, w] = x.shape;
      const y = new Float32Array(outC * (h - 2) * (w - 2));
      for (let o = 0; o < outC; o++)
        for (let r = 0; r < h - 2; r++)
          for (let c = 0; c < w - 2; c++) {
            let sum = bias.data[o];
            for (let i = 0; i < inC; i++)
              for (let kh = 0; kh < 3; kh++)
                for (let kw = 0; kw < 3; kw++)
                  sum +=
                    weight.data[((o * inC + i) * 3 + kh) * 3 + kw] * x.data[(i * h + r + kh) * w + c + kw];
            y[(o * (h - 2) + r) * (w - 2) + c] = sum;
          }
      x = { shape: [outC, h - 2, w - 2], data: y };
    } else if (code.startsWith('nn.MaxPool2d')) {
      const [ch, h, w] = x.shape;
      const [oh, ow] = [Math.floor(h / 2), Math.floor(w / 2)];
      const y = new Float32Array(ch * oh * ow);
      for (let k = 0; k < ch; k++)
        for (let r = 0; r < oh; r++)
          for (let c = 0; c < ow; c++) {
            const at = (dr: number, dc: number) => x.data[(k * h + 2 * r + dr) * w + 2 * c + dc];
            y[(k * oh + r) * ow + c] = Math.max(at(0, 0), at(0, 1), at(1, 0), at(1, 1));
          }
      x = { shape: [ch, oh, ow], data: y };
    } else if (code === 'nn.Flatten()') {
      x = { shape: [x.data.length], data: x.data };
    } else if (code.startsWith('nn.Linear')) {
      const [units, inputs] = weight.shape;
      const y = Float32Array.from({ length: units }, (_, u) => {
        let sum = bias.data[u];
        for (let j = 0; j < inputs; j++) sum += weight.data[u * inputs + j] * x.data[j];
        return sum;
      });
      x = { shape: [units], data: y };
    } else if (code === 'nn.ReLU()') {
      x = { shape: x.shape, data: x.data.map((v) => Math.max(v, 0)) };
    } else throw new Error(`no PyTorch semantics written for ${code}`);
  });
  const top = Math.max(...x.data);
  const exps = x.data.map((v) => Math.exp(v - top));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / total);
}

/** The model for `settings` with every weight random, biases too (fresh biases are all zero). */
async function randomModel(settings: Settings) {
  const model = buildModel(new CpuBackend(), settings);
  const weights = await model.getWeights();
  model.setWeights(weights.map((w, i) => randomArray(w.length, 100 + i, -0.2, 0.2)));
  return { model, exported: await exportedModelOf(model, settings) };
}

const STACKS: [string, Partial<Settings>][] = [
  ['the book run', {}],
  ['the book ConvNet', { model: 'convnet' }],
  ['a ConvNet that flattens first', { model: 'convnet', layers: 'f,d16,d8' }],
  ['a ConvNet without pooling, flattening 24x24x3', { model: 'convnet', layers: 'c4,c3,f,d8' }],
  ['a ConvNet pooling twice in a row (odd sizes)', { model: 'convnet', layers: 'c3,p,p,f' }],
  ['a ConvNet with Flatten twice', { model: 'convnet', layers: 'c2,p,f,f,d6' }],
];

describe('the safetensors weights in PyTorch layouts', () => {
  test.each(STACKS)('of %s predict as the engine does', async (_, change) => {
    const { model, exported } = await randomModel({ ...DEFAULT_SETTINGS, hidden: 24, ...change });
    const ours = await model.predict(pixels);
    const theirs = new Float32Array(IMAGES * 10);
    for (let i = 0; i < IMAGES; i++)
      theirs.set(torchForward(exported, pixels.subarray(i * PIXELS, (i + 1) * PIXELS)), i * 10);
    expectClose(theirs, ours, 1e-6, 1e-4, 'probabilities');
  });

  test('carry the names of the program’s nn.Sequential, each in PyTorch’s shape', async () => {
    const { exported } = await randomModel({ ...DEFAULT_SETTINGS, model: 'convnet' });
    const shapes = Object.fromEntries(torchStateDict(exported).map((t) => [t.name, t.shape]));
    expect(shapes).toEqual({
      '0.weight': [32, 1, 3, 3],
      '0.bias': [32],
      '3.weight': [64, 32, 3, 3],
      '3.bias': [64],
      '6.weight': [64, 64, 3, 3],
      '6.bias': [64],
      '9.weight': [64, 576],
      '9.bias': [64],
      '11.weight': [10, 64],
      '11.bias': [10],
    });
  });

  test('name the model and the run in the metadata, as strings', async () => {
    const settings: Settings = { ...DEFAULT_SETTINGS, model: 'convnet', train: 5000, augment: true };
    const metadata = torchMetadata({ ...runLayers(settings), weights: [], settings });
    expect(metadata.model).toBe(describeRun(settings).modelLine);
    expect(JSON.parse(metadata.settings)).toEqual(settings);
    expect(metadata.dataset).toContain('the first 5000 training images');
    expect(metadata.training).toBe(
      'RMSprop (lr 0.001), 5 epochs of 5,000 images, batch 128, augmented images',
    );
    expect(metadata.input).toBe('MNIST images, pixel / 255 in [0, 1], shaped [batch, 1, 28, 28]');
    expect(metadata.format).toBe('pt');
    expect(Object.values(metadata).every((v) => typeof v === 'string')).toBe(true);
    const imported = torchMetadata({ ...runLayers(DEFAULT_SETTINGS), weights: [], settings: null });
    expect(imported.dataset).toBe('unknown: an imported model');
    expect(imported).not.toHaveProperty('settings');
  });

  test('refuse weights that do not fit the layers, saying so', async () => {
    const { exported } = await randomModel({ ...DEFAULT_SETTINGS, hidden: 8 });
    expect(() => torchStateDict({ ...exported, weights: exported.weights.slice(0, 3) })).toThrow(
      'The weights of module 2 do not have the sizes its layer needs (80 and 10).',
    );
    expect(() =>
      torchStateDict({ ...exported, weights: [...exported.weights, new Float32Array(1)] }),
    ).toThrow('The model has 5 weight arrays; its layers take 4.');
  });
});

describe('the TF.js download', () => {
  test('names the optimizer that trained the model, and refuses a ConvNet naming its layer', async () => {
    const settings: Settings = {
      ...DEFAULT_SETTINGS,
      hidden: 8,
      optimizer: 'sgd',
      learningRate: 0.01,
      momentum: 0.9,
    };
    const { exported } = await randomModel(settings);
    expect(denseStackOf(exported).trainedWith).toEqual({
      optimizer: 'SGD',
      learningRate: 0.01,
      momentum: 0.9,
      nesterov: false,
    });
    expect(denseStackOf({ ...exported, settings: null }).trainedWith).toBeUndefined();
    const { exported: convnet } = await randomModel({
      ...DEFAULT_SETTINGS,
      model: 'convnet',
      layers: 'c2,f',
    });
    expect(() => denseStackOf(convnet)).toThrow(
      'TF.js export writes Dense stacks only, and this model has a Conv2D(2, 3x3, relu) layer',
    );
  });
});
