// A training step's gradients on the adapter against the CPU backend: the same model, seed and
// batch on both. RMSprop with learning rate 1, rho 1 and epsilon 1 moves every weight by exactly its
// gradient (meanSquare stays 0, so the step is g / sqrt(0 + 1)), so before - after is the gradient
// that the engine's own backward pass produced, read through the public API only.
import {
  type Backend,
  BOOK_CONVNET,
  buildLayers,
  Dense,
  DeviceDataset,
  rmsprop,
  Sequential,
} from '../../src/index';
import { type CaseResult, mismatch } from './conformance';

export interface GradientModel {
  name: string;
  build: () => Sequential;
  batch: number;
}

export const GRADIENT_MODELS: GradientModel[] = [
  {
    name: 'dense 784-512-10, batch 128',
    batch: 128,
    build: () =>
      new Sequential([
        new Dense(512, { activation: 'relu', inputShape: [784] }),
        new Dense(10, { activation: 'softmax' }),
      ]),
  },
  { name: "the book's ConvNet, batch 8", batch: 8, build: () => new Sequential(buildLayers(BOOK_CONVNET)) },
];

async function stepGradients(backend: Backend, model: GradientModel, pixels: Uint8Array, labels: Uint8Array) {
  const net = model.build();
  net.compile({
    backend,
    optimizer: rmsprop({ learningRate: 1, rho: 1, epsilon: 1 }),
    loss: 'categoricalCrossentropy',
    seed: 7,
  });
  const data = DeviceDataset.upload(backend, pixels, labels, 784);
  try {
    const before = await net.getWeights();
    await net.fit(data, { epochs: 1, batchSize: model.batch, shuffle: false });
    const after = await net.getWeights();
    return before.map((w, i) => w.map((v, j) => v - after[i][j]));
  } finally {
    net.dispose();
    data.dispose();
  }
}

/** One result per model (and per matmul variant): every parameter's gradient within tolerance. */
export async function gradientChecks(
  gpu: Backend,
  cpu: Backend,
  images: { pixels: Uint8Array; labels: Uint8Array },
  variants: { name: string; set: () => void }[],
): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  for (const model of GRADIENT_MODELS) {
    const pixels = images.pixels.subarray(0, model.batch * 784);
    const labels = images.labels.subarray(0, model.batch);
    const expected = await stepGradients(cpu, model, pixels, labels);
    for (const variant of variants) {
      const result: CaseResult = {
        kernel: 'training step',
        name: `${model.name}, ${variant.name}`,
        ok: true,
        runs: 1,
      };
      try {
        variant.set();
        const actual = await stepGradients(gpu, model, pixels, labels);
        for (const [i, e] of expected.entries()) {
          // Sums in another order: the error scales with the largest gradient of the parameter.
          const scale = e.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
          const problem = mismatch(actual[i], e, { atol: 1e-4 * scale + 1e-7, rtol: 1e-3 });
          if (problem) {
            Object.assign(result, { ok: false, problem: `parameter ${i}: ${problem}` });
            break;
          }
        }
      } catch (error) {
        Object.assign(result, { ok: false, problem: error instanceof Error ? error.message : String(error) });
      }
      results.push(result);
    }
  }
  return results;
}
