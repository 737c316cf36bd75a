import { expect, test } from 'vitest';
import type { Backend } from '../../src/backend/backend';
import { MATMUL_VARIANTS } from '../../src/backend/webgpu/kernels/context';
import { DeviceDataset } from '../../src/nn/dataset';
import { Dense } from '../../src/nn/dense';
import { evaluateInDetail, inputGradients } from '../../src/nn/insight';
import { Random } from '../../src/nn/random';
import { rmsprop } from '../../src/nn/rmsprop';
import { Sequential } from '../../src/nn/sequential';
import { confusionFromPredictions } from '../../src/page/confusionStats';
import { cpuBackend, expectClose, gpuBackend } from './harness';

// The insight views' engine calls on WebGPU against the CPU backend, same seed, same data:
// saliency (the input gradient of every class score) and the detailed evaluation.

const gpu = await gpuBackend();
const cpu = cpuBackend();
const PIXELS = 784;

function model(backend: Backend) {
  const m = new Sequential([
    new Dense(100, { activation: 'relu', inputShape: [PIXELS] }),
    new Dense(10, { activation: 'softmax' }),
  ]);
  m.compile({ backend, optimizer: rmsprop(), loss: 'categoricalCrossentropy', seed: 7 });
  return m;
}

test('inputGradients on WebGPU matches the CPU backend', async () => {
  const random = new Random(3);
  const x = Float32Array.from({ length: PIXELS }, () => (random.next() < 0.2 ? random.next() : 0));
  const [g, c] = [await inputGradients(model(gpu), x), await inputGradients(model(cpu), x)];
  expectClose(g.probabilities, c.probabilities, 1e-5, 1e-4, 'probabilities');
  expectClose(g.gradients, c.gradients, 1e-5, 1e-3, 'gradients');
  expect(Math.max(...c.gradients.map(Math.abs))).toBeGreaterThan(1e-3);
});

// Register: the sparse path, which evaluates the images grouped by their ink (inkOrder.ts)
// and must hand the per-image outputs back in image order.
test.each(MATMUL_VARIANTS)(
  'evaluateInDetail on WebGPU (%s): its matrix is the one counted from its predictions, and matches the CPU',
  async (variant) => {
    const random = new Random(11);
    const count = 2345; // batches of 1000: the last has 345 rows, not a multiple of the workgroup
    // Each image inks one of five bands of rows, so grouping has something to find.
    const pixels = new Uint8Array(count * PIXELS);
    for (let i = 0; i < count; i++) {
      const band = Math.floor(random.next() * 5) * 150;
      for (let p = band; p < band + 200; p++) if (random.next() < 0.5) pixels[i * PIXELS + p] = 255;
    }
    const labels = Uint8Array.from({ length: count }, () => Math.floor(random.next() * 10));
    const results = [];
    gpu.matmulVariant = variant;
    try {
      for (const backend of [gpu, cpu]) {
        const data = DeviceDataset.upload(backend, pixels, labels, PIXELS);
        const grouped = data.evaluationOrder().some((image, row) => image !== row);
        expect(grouped).toBe(backend === gpu && variant === 'register');
        results.push(await evaluateInDetail(model(backend), data, { batchSize: 1000 }));
        data.dispose();
      }
    } finally {
      gpu.matmulVariant = 'tiled';
    }
    const [g, c] = results;
    expect(Array.from(g.matrix)).toEqual(Array.from(confusionFromPredictions(labels, g.predicted, 10)));
    expect(g.matrix.reduce((a, b) => a + b, 0)).toBe(count);
    // Rounding may flip a near-tie between GPU and CPU; allow one image in a thousand.
    const differ = g.predicted.filter((p, i) => p !== c.predicted[i]).length;
    expect(differ).toBeLessThanOrEqual(count / 1000);
    expectClose(g.probabilities, c.probabilities, 1e-5, 1e-3, 'probabilities');
    expect(g.accuracy).toBeCloseTo(c.accuracy, 2);
  },
);

/** `count` random images on the GPU, a fifth of their pixels lit, with random labels. */
function sparseImages(seed: number, count: number): DeviceDataset {
  const random = new Random(seed);
  const pixels = Uint8Array.from({ length: count * PIXELS }, () => (random.next() < 0.2 ? 255 : 0));
  const labels = Uint8Array.from({ length: count }, () => Math.floor(random.next() * 10));
  return DeviceDataset.upload(gpu, pixels, labels, PIXELS);
}

test('evaluateInDetail on WebGPU reports its progress batch by batch, and the same result as without', async () => {
  const data = sparseImages(5, 2345);
  const m = model(gpu);
  const done: number[] = [];
  const watched = await evaluateInDetail(m, data, { batchSize: 1000, onProgress: (n) => done.push(n) });
  const quiet = await evaluateInDetail(m, data, { batchSize: 1000 });
  data.dispose();
  expect(done).toEqual([1000, 2000, 2345]);
  expect(watched.loss).toBe(quiet.loss);
  expect(Array.from(watched.matrix)).toEqual(Array.from(quiet.matrix));
  expect(Array.from(watched.predicted)).toEqual(Array.from(quiet.predicted));
});

test('Sequential.evaluate on WebGPU reports its progress batch by batch, and the same result as without', async () => {
  const data = sparseImages(6, 2345);
  const m = model(gpu);
  const done: number[] = [];
  const watched = await m.evaluate(data, { batchSize: 1000, onProgress: (n) => done.push(n) });
  const quiet = await m.evaluate(data, { batchSize: 1000 });
  const detailed = await evaluateInDetail(m, data, { batchSize: 1000 });
  data.dispose();
  expect(done).toEqual([1000, 2000, 2345]);
  expect(watched).toEqual(quiet);
  expect(watched.loss).toBe(detailed.loss);
  expect(watched.accuracy).toBe(detailed.accuracy);
});
