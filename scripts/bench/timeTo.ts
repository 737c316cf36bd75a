// npm run bench -- --time-to: time to 98% for the book's MLP (src/nn/speedrunRecipes.ts, MLP_RECIPE:
// RMSprop 0.001, batch 128, the 10,000 test images evaluated at each epoch's end, at most 10
// epochs), ours and TF.js wasm with the same recipe, one after the other in the same page. The
// clock runs from the first step to the end of the first evaluation reaching 98%; each side's
// warm-up (ours: pipelines; TF.js: its kernels, on a throwaway model) is timed apart.
import * as tf from '@tensorflow/tfjs';
import { DeviceDataset, requestGpuDevice, WebGPUBackend } from '../../src/index';
import { timeToAccuracy, warmUpFor } from '../../src/nn/speedrun';
import { MLP_RECIPE } from '../../src/nn/speedrunRecipes';
import type { SeedRun, TimedEvaluation } from '../../src/nn/timeToAccuracy';
import { type BenchData, CLASSES, EVAL_BATCH, errorText, HIDDEN, INPUT } from './common';

export interface TimeToSide {
  name: string;
  status: 'ok' | 'failed';
  reason?: string;
  info?: string;
  warmUpSeconds?: number;
  run?: SeedRun;
}

const now = () => performance.now() / 1000;

export async function timeOursTo(
  data: BenchData,
  seed: number,
  log: (line: string) => void,
): Promise<TimeToSide> {
  let device: GPUDevice | null = null;
  try {
    const gpu = await requestGpuDevice();
    device = gpu.device;
    const backend = new WebGPUBackend(gpu.device);
    const start = now();
    const train = DeviceDataset.upload(backend, data.trainPixels, data.trainLabels, INPUT);
    const test = DeviceDataset.upload(backend, data.testPixels, data.testLabels, INPUT);
    const warmUpSeconds = now() - start + (await warmUpFor(backend, MLP_RECIPE, train, test));
    const run = await timeToAccuracy(backend, train, test, {
      recipe: MLP_RECIPE,
      seed,
      onEvaluation: (e) =>
        log(`epoch end, step ${e.step}: ${(e.accuracy * 100).toFixed(2)}% at ${e.seconds.toFixed(1)} s`),
    });
    return { name: 'ours', status: 'ok', info: gpu.adapterName, warmUpSeconds, run };
  } catch (error) {
    return { name: 'ours', status: 'failed', reason: errorText(error) };
  } finally {
    device?.destroy();
  }
}

function tensors(pixels: Uint8Array, labels: Uint8Array) {
  const x = new Float32Array(labels.length * INPUT);
  for (let i = 0; i < x.length; i++) x[i] = pixels[i] / 255;
  const y = new Float32Array(labels.length * CLASSES);
  for (let i = 0; i < labels.length; i++) y[i * CLASSES + labels[i]] = 1;
  return { x: tf.tensor2d(x, [labels.length, INPUT]), y: tf.tensor2d(y, [labels.length, CLASSES]) };
}

function bookMlp(): tf.Sequential {
  const net = tf.sequential({
    layers: [
      tf.layers.dense({ units: HIDDEN, activation: 'relu', inputShape: [INPUT] }),
      tf.layers.dense({ units: CLASSES, activation: 'softmax' }),
    ],
  });
  // Keras's RMSprop: rho 0.9, no momentum, epsilon 1e-7 inside the root (as ours).
  net.compile({
    optimizer: tf.train.rmsprop(0.001, 0.9, 0, 1e-7),
    loss: 'categoricalCrossentropy',
    metrics: ['accuracy'],
  });
  return net;
}

/** TF.js on wasm, the CPU peer; `tf.setBackend('wasm')` must have been done (tfjs.ts's setBackend). */
export async function timeWasmTo(data: BenchData, log: (line: string) => void): Promise<TimeToSide> {
  const train = tensors(data.trainPixels, data.trainLabels);
  const test = tensors(data.testPixels, data.testLabels);
  const fitEpoch = async (net: tf.Sequential, x: tf.Tensor, y: tf.Tensor) => {
    await net.fit(x, y, {
      batchSize: MLP_RECIPE.batchSize,
      epochs: 1,
      shuffle: true,
      verbose: 0,
      yieldEvery: 'never',
    });
  };
  const accuracyOf = async (net: tf.Sequential) => {
    const out = net.evaluate(test.x, test.y, { batchSize: EVAL_BATCH }) as tf.Scalar[];
    const accuracy = (await out[1].data())[0];
    tf.dispose(out);
    return accuracy;
  };
  try {
    const warmStart = now();
    const warm = bookMlp();
    const few = { x: train.x.slice(0, 256), y: train.y.slice(0, 256) };
    await fitEpoch(warm, few.x, few.y);
    await accuracyOf(warm);
    warm.dispose();
    tf.dispose([few.x, few.y]);
    const warmUpSeconds = now() - warmStart;
    const net = bookMlp();
    const evaluations: TimedEvaluation[] = [];
    const steps = Math.ceil(data.trainLabels.length / MLP_RECIPE.batchSize);
    const start = now();
    for (let epoch = 1; epoch <= MLP_RECIPE.epochs; epoch++) {
      await fitEpoch(net, train.x, train.y);
      const accuracy = await accuracyOf(net);
      evaluations.push({ step: epoch * steps, accuracy, seconds: now() - start });
      log(`epoch ${epoch}: ${(accuracy * 100).toFixed(2)}% at ${(now() - start).toFixed(1)} s`);
      if (accuracy >= MLP_RECIPE.target) break;
    }
    net.dispose();
    const hit = evaluations.find((e) => e.accuracy >= MLP_RECIPE.target) ?? null;
    const run: SeedRun = {
      seed: 0,
      seconds: hit?.seconds ?? null,
      steps: hit?.step ?? evaluations.at(-1)?.step ?? 0,
      warmUpSeconds,
      evaluations,
    };
    return { name: 'tfjs-wasm', status: 'ok', warmUpSeconds, run };
  } catch (error) {
    return { name: 'tfjs-wasm', status: 'failed', reason: errorText(error) };
  } finally {
    tf.dispose([train.x, train.y, test.x, test.y]);
  }
}

/** Both sides, ours first; the result goes to the bench's JSON as `timeTo`. */
export async function benchTimeTo(data: BenchData, log: (line: string) => void) {
  log(`== time to ${MLP_RECIPE.target * 100}%: ours`);
  const ours = await timeOursTo(data, 1, (line) => log(`  [ours] ${line}`));
  log(`== time to ${MLP_RECIPE.target * 100}%: tfjs-wasm`);
  const { setBackend } = await import('./tfjs');
  const failed = await setBackend('wasm');
  const wasm: TimeToSide = failed
    ? { name: 'tfjs-wasm', status: 'failed', reason: failed }
    : await timeWasmTo(data, (line) => log(`  [tfjs-wasm] ${line}`));
  tf.engine().reset();
  return { target: MLP_RECIPE.target, maxEpochs: MLP_RECIPE.epochs, ours, wasm };
}
