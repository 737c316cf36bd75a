import { describe, expect, test } from 'vitest';
import { CpuBackend } from '../../src/backend/cpu/cpuBackend';
import { buildLayers } from '../../src/nn/architecture';
import { DeviceDataset } from '../../src/nn/dataset';
import { Dense } from '../../src/nn/dense';
import { Sequential } from '../../src/nn/sequential';
import { sgd } from '../../src/nn/sgd';
import { type LayerSpec, specsFromText, specsToText, summarize } from '../../src/protocol/layers';

const PIXELS = 784;
const COUNT = 32;
const pixels = Uint8Array.from({ length: COUNT * PIXELS }, (_, i) => ((i * 2654435761) >>> 24) & 255);
const labels = Uint8Array.from({ length: COUNT }, (_, i) => i % 10);

describe('L1 and L2 weight regularization', () => {
  test('in the URL form, the summary and the name; a bad coefficient is named', () => {
    const specs: LayerSpec[] = [
      { kind: 'conv', filters: 8, l2: 0.001 },
      { kind: 'flatten' },
      { kind: 'dense', units: 32, l1: 1e-5, l2: 0.01 },
    ];
    expect(specsToText(specs)).toBe('c8:l2=0.001,f,d32:l1=0.00001:l2=0.01');
    expect(specsFromText('c8:l2=0.001,f,d32:l1=1e-5:l2=0.01').specs).toEqual(specs);
    const { layers, problem } = summarize(specs);
    expect(problem).toBeNull();
    expect(layers.map((l) => l.name)).toEqual([
      'Conv2D(8, 3x3, relu, L2 0.001)',
      'Flatten',
      'Dense(32, relu, L1 0.00001, L2 0.01)',
      'Dense(10, softmax)',
    ]);
    expect(summarize([{ kind: 'flatten' }, { kind: 'dense', units: 4, l2: 2 }]).problem).toBe(
      "L2 needs a coefficient from 0 to 1 (Keras's default is 0.01).",
    );
    expect(specsFromText('f,d4:l2=x').error).toContain('"d4:l2=x" is not a layer');
    expect(specsFromText('f,d4:l2=1:l2=2').error).toContain('is not a layer');
  });

  /** One step of plain SGD (lr 1) from the same weights: the update is the whole gradient. */
  async function oneStep(specs: LayerSpec[]) {
    const backend = new CpuBackend();
    const data = DeviceDataset.upload(backend, pixels, labels, PIXELS);
    const model = new Sequential(buildLayers(specs));
    model.compile({ backend, optimizer: sgd({ learningRate: 1 }), loss: 'categoricalCrossentropy', seed: 1 });
    const before = await model.getWeights();
    const evaluation = await model.evaluate(data);
    const [logs] = await model.fit(data, { epochs: 1, batchSize: COUNT, shuffle: false });
    const after = await model.getWeights();
    return { before, after, evaluation, logs, model, data };
  }

  test('the loss shown is cross-entropy plus l1·Σ|w| + l2·Σw² of the kernels, in training and evaluation', async () => {
    const plain = await oneStep([{ kind: 'flatten' }, { kind: 'dense', units: 8 }]);
    const l1 = 1e-3;
    const l2 = 0.01;
    const reg = await oneStep([{ kind: 'flatten' }, { kind: 'dense', units: 8, l1, l2 }]);
    const kernel = reg.before[0];
    const penalty = kernel.reduce((s, w) => s + l1 * Math.abs(w) + l2 * w * w, 0);
    expect(penalty).toBeGreaterThan(0.01);
    expect(reg.evaluation.loss).toBeCloseTo(plain.evaluation.loss + penalty, 5);
    expect(reg.evaluation.accuracy).toBe(plain.evaluation.accuracy);
    // One batch of all the images: the training loss is the one before the step, plus the penalty.
    expect(reg.logs.loss).toBeCloseTo(plain.logs.loss + penalty, 5);
    // The biases are not regularized: their update is the same.
    expect(reg.after[1]).toEqual(plain.after[1]);
  });

  test('the update is the gradient of the loss shown (central differences on the kernel)', async () => {
    const specs: LayerSpec[] = [{ kind: 'flatten' }, { kind: 'dense', units: 4, l1: 0.02, l2: 0.05 }];
    const { before, after, model, data } = await oneStep(specs);
    const lossAt = async (weights: Float32Array[]) => {
      model.setWeights(weights);
      return (await model.evaluate(data)).loss;
    };
    const eps = 1e-2;
    // Kernel entries of the first layer, away from 0 where L1 has a kink.
    for (const i of [0, 5, 1234, 3000]) {
      if (Math.abs(before[0][i]) < 2 * eps) continue;
      const shifted = (d: number) =>
        before.map((w, k) => (k === 0 ? w.map((v, j) => (j === i ? v + d : v)) : w));
      const numeric = ((await lossAt(shifted(eps))) - (await lossAt(shifted(-eps)))) / (2 * eps);
      const analytic = before[0][i] - after[0][i]; // lr 1
      expect(Math.abs(analytic - numeric), `kernel[${i}]`).toBeLessThan(2e-3);
    }
  });

  test('a coefficient below 0 is refused by the layer', () => {
    expect(() => new Dense(4, { kernelRegularizer: { l1: -1, l2: 0 } })).toThrow(
      'Dense: l1 must be a number of at least 0, got -1',
    );
  });
});
