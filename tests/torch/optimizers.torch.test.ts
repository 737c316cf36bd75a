// "The same steps", shown: from the same initial weights (exported before the first step) and the
// same batches, the engine's optimizer and the generated PyTorch program's take the same steps, to
// float32 tolerance, for SGD, SGD with momentum, with Nesterov momentum, RMSprop and Adam. PyTorch's
// own RMSprop and Adam, given Keras's hyperparameters, do not: which is why the program writes them.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, test } from 'vitest';
import { CpuBackend } from '../../src/backend/cpu/cpuBackend';
import { parseIdxImages, parseIdxLabels } from '../../src/data/idx';
import { PIXELS } from '../../src/data/mnist';
import { DeviceDataset } from '../../src/nn/dataset';
import { torchSafetensors } from '../../src/page/torchWeights';
import { DEFAULT_SETTINGS, type Settings } from '../../src/protocol/settings';
import { exportedModelOf } from '../../src/worker/exportedModel';
import { buildModel } from '../../src/worker/model';
import { MNIST_DIR, scratch, torchCheck, writeProgram } from './python';

/** The largest difference allowed between the engine's and PyTorch's weights after a step. */
const WEIGHT_TOLERANCE = 1e-6;
const BATCH = 32;
const STEPS = 3;

let pixels: Uint8Array;
let labels: Uint8Array;

beforeAll(() => {
  const file = (name: string) =>
    new Uint8Array(gunzipSync(readFileSync(join(MNIST_DIR, `train-${name}.gz`))));
  pixels = parseIdxImages(file('images-idx3-ubyte'), 'train images').pixels;
  labels = parseIdxLabels(file('labels-idx1-ubyte'), 'train labels').labels;
});

interface StepReport {
  difference: number;
  name: string;
  moved: number;
}

/**
 * The engine takes STEPS steps on batches 0, 1, 2 of the training set (the first images, in order),
 * exporting the weights before and after each; PyTorch takes its steps from the same start.
 */
async function compareSteps(settings: Settings, builtin?: 'rmsprop' | 'adam'): Promise<StepReport[]> {
  const dir = scratch();
  const backend = new CpuBackend();
  const model = buildModel(backend, settings);
  const save = async (name: string) => {
    const path = join(dir, name);
    writeFileSync(path, torchSafetensors(await exportedModelOf(model, settings)));
    return path;
  };
  const initial = await save('initial.safetensors');
  const after: string[] = [];
  const batches: number[][] = [];
  for (let step = 0; step < STEPS; step++) {
    const [from, to] = [step * BATCH, (step + 1) * BATCH];
    const data = DeviceDataset.upload(
      backend,
      pixels.subarray(from * PIXELS, to * PIXELS),
      labels.subarray(from, to),
      PIXELS,
    );
    await model.fit(data, { epochs: 1, batchSize: BATCH, shuffle: false });
    data.dispose();
    after.push(await save(`step${step + 1}.safetensors`));
    batches.push(Array.from({ length: BATCH }, (_, i) => from + i));
  }
  const caseFile = join(dir, 'case.json');
  writeFileSync(
    caseFile,
    JSON.stringify({ initial, after, batches, images: STEPS * BATCH, data: MNIST_DIR, builtin }),
  );
  return torchCheck<StepReport[]>('steps', writeProgram(dir, settings), caseFile);
}

const OPTIMIZERS: [string, Partial<Settings>][] = [
  ['SGD', { optimizer: 'sgd', learningRate: 0.01 }],
  ['SGD with momentum 0.9', { optimizer: 'sgd', learningRate: 0.01, momentum: 0.9 }],
  ['SGD with Nesterov momentum 0.9', { optimizer: 'sgd', learningRate: 0.01, momentum: 0.9, nesterov: true }],
  ['RMSprop', { optimizer: 'rmsprop', learningRate: 0.001 }],
  ['Adam', { optimizer: 'adam', learningRate: 0.001 }],
];

const MODELS: [string, Partial<Settings>][] = [
  ['the dense model', { hidden: 32 }],
  ['a ConvNet', { model: 'convnet', layers: 'c4,p,c8,p,f,d16' }],
];

describe.each(MODELS)('%s: the engine and the PyTorch program take the same steps', (_, model) => {
  test.each(OPTIMIZERS)('with %s', async (name, optimizer) => {
    const report = await compareSteps({ ...DEFAULT_SETTINGS, seed: 11, ...model, ...optimizer });
    console.info(
      `${name}: ${report.map((r, i) => `step ${i + 1} differs by ${r.difference.toExponential(2)} (${r.name}; moved up to ${r.moved.toExponential(2)})`).join(', ')}`,
    );
    for (const step of report) {
      expect(step.difference, step.name).toBeLessThanOrEqual(WEIGHT_TOLERANCE);
      // The steps are steps: far larger than the tolerance.
      expect(step.moved).toBeGreaterThan(100 * WEIGHT_TOLERANCE);
    }
  });
});

describe("PyTorch's own optimizers with Keras's hyperparameters take other steps", () => {
  test.each([
    ['RMSprop(alpha=0.9, eps=1e-7)', 'rmsprop', { optimizer: 'rmsprop', learningRate: 0.001 }],
    ['Adam(eps=1e-7)', 'adam', { optimizer: 'adam', learningRate: 0.001 }],
  ] as const)('torch.optim.%s', async (_, builtin, optimizer) => {
    const report = await compareSteps({ ...DEFAULT_SETTINGS, seed: 11, hidden: 32, ...optimizer }, builtin);
    console.info(`torch.optim.${builtin}: step 1 differs by ${report[0].difference.toExponential(2)}`);
    expect(report[0].difference).toBeGreaterThan(100 * WEIGHT_TOLERANCE);
  });
});
