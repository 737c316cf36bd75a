import { describe, expect, test } from 'vitest';
import { CpuBackend } from '../../src/backend/cpu/cpuBackend';
import { buildLayers } from '../../src/nn/architecture';
import { DeviceDataset } from '../../src/nn/dataset';
import { Dense } from '../../src/nn/dense';
import { type LayerSpec, specsFromText, specsToText, summarize } from '../../src/protocol/layers';
import { COUNT, compiled, convBn, denseBn, labels, PIXELS, pixels, trained } from './batchNormModels';

// BatchNormalization in a model, on the CPU reference: Keras's weights order (gamma, beta,
// moving_mean, moving_variance), the moving statistics updated by training steps only and used at
// inference, and a run resumed from its weights (moving statistics included) equal to the whole run.

const images = Float32Array.from(pixels.subarray(0, 3 * PIXELS), (v) => v / 255);

describe('BatchNormalization', () => {
  test('in the URL form (bn), the summary (4 per channel, as Keras) and the model built from it', () => {
    const specs: LayerSpec[] = [
      { kind: 'conv', filters: 8 },
      { kind: 'batchNorm' },
      { kind: 'pool' },
      { kind: 'flatten' },
      { kind: 'dense', units: 32 },
      { kind: 'batchNorm' },
    ];
    expect(specsToText(specs)).toBe('c8,bn,p,f,d32,bn');
    expect(specsFromText('c8,bn,p,f,d32,bn').specs).toEqual(specs);
    const { layers, total, problem } = summarize(specs);
    expect(problem).toBeNull();
    expect(layers[1]).toMatchObject({ name: 'BatchNormalization', outputShape: [26, 26, 8], parameters: 32 });
    expect(layers[5]).toMatchObject({ name: 'BatchNormalization', outputShape: [32], parameters: 128 });
    expect(total).toBe(summarize(specs.filter((s) => s.kind !== 'batchNorm')).total + 32 + 128);
    expect(specsFromText('f,bnx').error).toContain('dr<rate> or bn');
    const model = compiled(new CpuBackend(), buildLayers(specs));
    expect(model.layers.map((l) => l.kind)).toEqual([
      'Conv2D',
      'BatchNormalization',
      'MaxPooling2D',
      'Flatten',
      'Dense',
      'BatchNormalization',
      'Dense',
    ]);
    expect(model.parameterCount).toBe(summarize(specs).total - 2 * (8 + 32)); // the moving statistics are not trained
  });

  test("weights in Keras's order: the moving statistics start at 0 and 1, the model without it is unchanged", async () => {
    const backend = new CpuBackend();
    const model = compiled(backend, denseBn());
    const weights = await model.getWeights();
    expect(weights.map((w) => w.length)).toEqual([PIXELS * 16, 16, 16, 16, 16, 16, 16 * 10, 10]);
    expect([...weights[2]]).toEqual(new Array(16).fill(1)); // gamma
    expect([...weights[3]]).toEqual(new Array(16).fill(0)); // beta
    expect([...weights[4]]).toEqual(new Array(16).fill(0)); // moving_mean
    expect([...weights[5]]).toEqual(new Array(16).fill(1)); // moving_variance
    expect(model.parameters).toHaveLength(6); // the moving statistics are not trained
    const plain = compiled(backend, [
      new Dense(16, { activation: 'relu', inputShape: [PIXELS] }),
      new Dense(10, { activation: 'softmax' }),
    ]);
    expect((await plain.getWeights()).length).toBe(plain.parameters.length);
  });

  test('training steps move the moving statistics as Keras (momentum 0.99); evaluation and predictions do not', async () => {
    const backend = new CpuBackend();
    const data = DeviceDataset.upload(backend, pixels, labels, PIXELS);
    const model = compiled(backend, denseBn());
    const [kernel, bias] = await model.getWeights();
    // One step of the whole data: its statistics are of the initial weights' ReLU outputs.
    await model.fit(data, { epochs: 1, batchSize: COUNT, shuffle: false });
    const relu = reluOutputs(kernel, bias);
    const [movingMean, movingVariance] = (await model.getWeights()).slice(4, 6);
    for (let c = 0; c < 16; c++) {
      const column = relu.map((row) => row[c]);
      const mean = column.reduce((a, b) => a + b) / COUNT;
      const variance = column.reduce((a, b) => a + (b - mean) ** 2, 0) / COUNT;
      expect(movingMean[c]).toBeCloseTo(0.01 * mean, 5);
      expect(movingVariance[c]).toBeCloseTo(0.99 + 0.01 * variance, 5);
    }
    const before = await model.getWeights();
    await model.evaluate(data);
    await model.predict(images);
    expect(await model.getWeights()).toEqual(before);
  });

  test('inference normalises with the moving statistics', async () => {
    const backend = new CpuBackend();
    const { model } = await trained(backend, denseBn(), 2);
    const [kernel, bias, gamma, beta, mean, variance, kernel2, bias2] = await model.getWeights();
    const probabilities = await model.predict(images);
    for (let r = 0; r < 3; r++) {
      const x = images.subarray(r * PIXELS, (r + 1) * PIXELS);
      const h = Array.from({ length: 16 }, (_, c) => {
        let z = bias[c];
        for (let i = 0; i < PIXELS; i++) z += x[i] * kernel[i * 16 + c];
        const relu = Math.max(0, z);
        return gamma[c] * ((relu - mean[c]) / Math.sqrt(variance[c] + 1e-3)) + beta[c];
      });
      const logits = Array.from({ length: 10 }, (_, k) =>
        h.reduce((s, v, c) => s + v * kernel2[c * 10 + k], bias2[k]),
      );
      const top = Math.max(...logits);
      const total = logits.reduce((s, l) => s + Math.exp(l - top), 0);
      for (let k = 0; k < 10; k++)
        expect(probabilities[r * 10 + k]).toBeCloseTo(Math.exp(logits[k] - top) / total, 5);
    }
  });

  test('a run resumed from its weights (moving statistics included) and step equals the whole run', async () => {
    const backend = new CpuBackend();
    const data = DeviceDataset.upload(backend, pixels, labels, PIXELS);
    const whole = compiled(backend, convBn());
    await whole.fit(data, { epochs: 2, batchSize: 16 });
    const half = compiled(backend, convBn());
    await half.fit(data, { epochs: 1, batchSize: 16 });
    const resumed = compiled(backend, convBn());
    resumed.setWeights(await half.getWeights());
    resumed.optimizer.iterations = half.optimizer.iterations;
    await resumed.fit(data, { epochs: 2, batchSize: 16, initialEpoch: 1 });
    const [ours, reference] = [await resumed.getWeights(), await whole.getWeights()];
    expect(ours).toEqual(reference);
    expect(await resumed.evaluate(data)).toEqual(await whole.evaluate(data));
    // The conv layer's statistics are per channel (3), the dense one's per unit (8).
    expect(ours.map((w) => w.length).slice(2, 6)).toEqual([3, 3, 3, 3]);
    expect(ours[4].some((v) => v !== 0)).toBe(true);
  });
});

/** The Dense(16, relu) outputs of the 48 images, in order. */
function reluOutputs(kernel: Float32Array, bias: Float32Array): number[][] {
  const all = Float32Array.from(pixels, (v) => v / 255);
  return Array.from({ length: COUNT }, (_, r) =>
    Array.from({ length: 16 }, (_, c) => {
      let z = bias[c];
      for (let i = 0; i < PIXELS; i++) z += all[r * PIXELS + i] * kernel[i * 16 + c];
      return Math.max(0, z);
    }),
  );
}
