import { describe, expect, test } from 'vitest';
import { CpuBackend } from '../../src/backend/cpu/cpuBackend';
import { buildLayers } from '../../src/nn/architecture';
import { DeviceDataset } from '../../src/nn/dataset';
import { rmsprop } from '../../src/nn/rmsprop';
import { Sequential } from '../../src/nn/sequential';
import { sgd } from '../../src/nn/sgd';
import { type LayerSpec, specsFromText, specsToText, summarize } from '../../src/protocol/layers';

const PIXELS = 784;
const COUNT = 64;
const pixels = Uint8Array.from({ length: COUNT * PIXELS }, (_, i) => ((i * 2654435761) >>> 24) & 255);
const labels = Uint8Array.from({ length: COUNT }, (_, i) => i % 10);

/** The weights after `epochs` of training the stack, from seed 1. */
async function trained(specs: LayerSpec[], epochs: number, initialEpoch = 0, start?: Float32Array[]) {
  const backend = new CpuBackend();
  const data = DeviceDataset.upload(backend, pixels, labels, PIXELS);
  const model = new Sequential(buildLayers(specs));
  model.compile({ backend, optimizer: rmsprop(), loss: 'categoricalCrossentropy', seed: 1 });
  if (start) model.setWeights(start);
  await model.fit(data, { epochs, batchSize: 16, initialEpoch });
  return { model, data, weights: await model.getWeights() };
}

describe('Dropout', () => {
  test('in the URL form, the summary and the name', () => {
    const specs: LayerSpec[] = [
      { kind: 'flatten' },
      { kind: 'dense', units: 32 },
      { kind: 'dropout', rate: 0.5 },
    ];
    expect(specsToText(specs)).toBe('f,d32,dr0.5');
    expect(specsFromText('f,d32,dr0.5').specs).toEqual(specs);
    expect(specsFromText('c8,dr.25,f').specs?.[1]).toEqual({ kind: 'dropout', rate: 0.25 });
    const { layers, total, problem } = summarize(specs);
    expect(problem).toBeNull();
    expect(layers[2]).toMatchObject({ name: 'Dropout(0.5)', outputShape: [32], parameters: 0 });
    expect(total).toBe(summarize(specs.slice(0, 2)).total);
    expect(summarize([{ kind: 'dropout', rate: 1 }, { kind: 'flatten' }]).problem).toBe(
      'Dropout needs a rate from 0 to below 1 (0.5 drops half).',
    );
    expect(specsFromText('f,dr-0.5').error).toContain('"dr-0.5" is not a layer');
  });

  test('a run with Dropout repeats exactly, and differs from one without', async () => {
    const specs: LayerSpec[] = [
      { kind: 'flatten' },
      { kind: 'dense', units: 16 },
      { kind: 'dropout', rate: 0.5 },
    ];
    const a = await trained(specs, 1);
    const b = await trained(specs, 1);
    expect(b.weights).toEqual(a.weights);
    const plain = await trained([{ kind: 'flatten' }, { kind: 'dense', units: 16 }], 1);
    expect(plain.weights[0]).not.toEqual(a.weights[0]);
  });

  test('is the identity at inference: evaluation and predictions equal the model without it', async () => {
    const specs: LayerSpec[] = [
      { kind: 'flatten' },
      { kind: 'dense', units: 16 },
      { kind: 'dropout', rate: 0.7 },
    ];
    const { model, data, weights } = await trained(specs, 1);
    const twin = new Sequential(buildLayers([{ kind: 'flatten' }, { kind: 'dense', units: 16 }]));
    twin.compile({ backend: model.backend, optimizer: rmsprop(), loss: 'categoricalCrossentropy', seed: 1 });
    twin.setWeights(weights);
    expect(await model.evaluate(data)).toEqual(await twin.evaluate(data));
    const images = Float32Array.from(pixels.subarray(0, 2 * PIXELS), (v) => v / 255);
    expect(await model.predict(images)).toEqual(await twin.predict(images));
  });

  test('the mask follows the step, so a run resumed from its weights and step goes on exactly', async () => {
    const specs: LayerSpec[] = [
      { kind: 'flatten' },
      { kind: 'dropout', rate: 0.3 },
      { kind: 'dense', units: 8 },
    ];
    // Plain SGD keeps no state: the weights and the step are the whole of a run's state.
    const backend = new CpuBackend();
    const data = DeviceDataset.upload(backend, pixels, labels, PIXELS);
    const run = async (model: Sequential, epochs: number, initialEpoch: number) =>
      model.fit(data, { epochs, batchSize: 16, initialEpoch });
    const first = new Sequential(buildLayers(specs));
    first.compile({
      backend,
      optimizer: sgd({ learningRate: 0.1 }),
      loss: 'categoricalCrossentropy',
      seed: 1,
    });
    await run(first, 2, 0);
    const second = new Sequential(buildLayers(specs));
    second.compile({
      backend,
      optimizer: sgd({ learningRate: 0.1 }),
      loss: 'categoricalCrossentropy',
      seed: 1,
    });
    await run(second, 1, 0);
    const resumed = new Sequential(buildLayers(specs));
    const optimizer = sgd({ learningRate: 0.1 });
    resumed.compile({ backend, optimizer, loss: 'categoricalCrossentropy', seed: 1 });
    resumed.setWeights(await second.getWeights());
    optimizer.iterations = second.optimizer.iterations;
    await run(resumed, 2, 1);
    expect(await resumed.getWeights()).toEqual(await first.getWeights());
  });
});
