import { describe, expect, test } from 'vitest';
import { CpuBackend } from '../../src/backend/cpu/cpuBackend';
import { DeviceDataset } from '../../src/nn/dataset';
import { Dense } from '../../src/nn/dense';
import { evaluateInDetail, inputGradients, readFirstLayerWeights } from '../../src/nn/insight';
import { Random } from '../../src/nn/random';
import { rmsprop } from '../../src/nn/rmsprop';
import { Sequential } from '../../src/nn/sequential';
import { confusionFromPredictions } from '../../src/page/confusionStats';
import { expectClose } from '../cases/expectClose';

// What the insight views ask of the engine, on the CPU reference backend: the input gradient
// (saliency) against central finite differences of the network written out in float64, and the
// detailed evaluation against the plain one and a confusion matrix counted from its predictions.

const INPUTS = 12;
const CLASSES = 4;

function model(seed: number, layers = [new Dense(9, { activation: 'relu', inputShape: [INPUTS] })]) {
  const backend = new CpuBackend();
  const m = new Sequential([...layers, new Dense(CLASSES, { activation: 'softmax' })]);
  m.compile({ backend, optimizer: rmsprop(), loss: 'categoricalCrossentropy', seed });
  return { backend, m };
}

/** The network's logits in float64, from its weights: relu(x·W + b) per hidden layer, then x·W + b. */
function logits64(weights: Float32Array[], x: Float64Array): Float64Array {
  let h = x;
  for (let l = 0; l < weights.length; l += 2) {
    const [w, b] = [weights[l], weights[l + 1]];
    const units = b.length;
    const out = new Float64Array(units);
    for (let u = 0; u < units; u++) {
      let sum = b[u];
      for (let i = 0; i < h.length; i++) sum += h[i] * w[i * units + u];
      out[u] = l + 2 < weights.length ? Math.max(0, sum) : sum;
    }
    h = out;
  }
  return h;
}

describe('inputGradients: d logit_c / d input for every class', () => {
  for (const [name, hidden] of [
    ['one hidden layer', [new Dense(9, { activation: 'relu', inputShape: [INPUTS] })]],
    [
      'two hidden layers',
      [new Dense(9, { activation: 'relu', inputShape: [INPUTS] }), new Dense(7, { activation: 'relu' })],
    ],
  ] as const) {
    test(`${name}: matches central finite differences (float64) and the probabilities match predict`, async () => {
      const { m } = model(3, [...hidden]);
      const random = new Random(5);
      const x = Float32Array.from({ length: INPUTS }, () => random.next());
      const { probabilities, gradients } = await inputGradients(m, x);
      expect(gradients).toHaveLength(CLASSES * INPUTS);
      expectClose(probabilities, await m.predict(x), 1e-6, 1e-5, 'probabilities');

      const weights = await m.getWeights();
      const h = 1e-5;
      const numeric = new Float64Array(CLASSES * INPUTS);
      for (let i = 0; i < INPUTS; i++) {
        const up = Float64Array.from(x);
        const down = Float64Array.from(x);
        up[i] += h;
        down[i] -= h;
        const [zu, zd] = [logits64(weights, up), logits64(weights, down)];
        for (let c = 0; c < CLASSES; c++) numeric[c * INPUTS + i] = (zu[c] - zd[c]) / (2 * h);
      }
      expectClose(gradients, numeric, 1e-5, 1e-4, 'gradients');
      // Not all zero: the check would pass vacuously on a dead network.
      expect(Math.max(...gradients.map(Math.abs))).toBeGreaterThan(0.01);
      // Nothing is left in the parameters' .grad for the next training step to add to.
      expect(m.parameters.every((p) => p.grad === null)).toBe(true);
    });
  }

  test('rejects an input of the wrong size', async () => {
    const { m } = model(1);
    await expect(inputGradients(m, new Float32Array(INPUTS + 1))).rejects.toThrow(/expected 12 values/);
  });
});

describe('evaluateInDetail', () => {
  test('agrees with evaluate, predict, and the confusion matrix counted from its own predictions', async () => {
    const { backend, m } = model(2);
    const random = new Random(9);
    const count = 250; // batches of 64: the last one is 58 rows
    const pixels = Uint8Array.from({ length: count * INPUTS }, () => Math.floor(random.next() * 256));
    const labels = Uint8Array.from({ length: count }, () => Math.floor(random.next() * CLASSES));
    const data = DeviceDataset.upload(backend, pixels, labels, INPUTS);
    const detail = await evaluateInDetail(m, data, { batchSize: 64 });
    const plain = await m.evaluate(data, { batchSize: 64 });
    expect(detail.loss).toBeCloseTo(plain.loss, 6);
    expect(detail.accuracy).toBe(plain.accuracy);
    expect(Array.from(detail.matrix)).toEqual(
      Array.from(confusionFromPredictions(labels, detail.predicted, CLASSES)),
    );
    let trace = 0;
    for (let k = 0; k < CLASSES; k++) trace += detail.matrix[k * CLASSES + k];
    expect(trace / count).toBe(detail.accuracy);
    const probs = await m.predict(Float32Array.from(pixels, (v) => v / 255));
    expectClose(detail.probabilities, probs, 1e-6, 1e-5, 'probabilities');
  });

  test('reports its progress batch by batch, and the same result as without', async () => {
    const { backend, m } = model(2);
    const random = new Random(4);
    const count = 150;
    const pixels = Uint8Array.from({ length: count * INPUTS }, () => Math.floor(random.next() * 256));
    const labels = Uint8Array.from({ length: count }, () => Math.floor(random.next() * CLASSES));
    const data = DeviceDataset.upload(backend, pixels, labels, INPUTS);
    const done: number[] = [];
    const detail = await evaluateInDetail(m, data, { batchSize: 64, onProgress: (n) => done.push(n) });
    expect(done).toEqual([64, 128, 150]);
    const quiet = await evaluateInDetail(m, data, { batchSize: 64 });
    expect(detail.loss).toBe(quiet.loss);
    expect(Array.from(detail.matrix)).toEqual(Array.from(quiet.matrix));
  });
});

test('readFirstLayerWeights reads the first Dense kernel', async () => {
  const { m } = model(4);
  const read = readFirstLayerWeights(m);
  expect(read?.inputs).toBe(INPUTS);
  expect(read?.units).toBe(9);
  expect(Array.from((await read?.weights) ?? [])).toEqual(Array.from((await m.getWeights())[0]));
});
