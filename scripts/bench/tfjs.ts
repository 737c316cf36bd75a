// The peer: TensorFlow.js 4.22 Layers with the same model, optimizer, loss, batch and data as ours.
// Imported only by the bench page, never by src/.
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import '@tensorflow/tfjs-backend-webgpu';
import {
  type BenchData,
  type BenchRow,
  type BenchSettings,
  BLOCK_STEPS,
  blockCount,
  CLASSES,
  EVAL_BATCH,
  errorText,
  HIDDEN,
  INPUT,
  MODELS,
  timeBlocks,
  timed,
} from './common';

// The Vite dev server serves node_modules from the repo root.
setWasmPaths('/node_modules/@tensorflow/tfjs-backend-wasm/dist/');

export type TfjsBackend = 'wasm' | 'webgl' | 'webgpu';

/** Images as floats / 255 and one-hot labels, built once and shared by every TF.js backend. */
interface HostSet {
  x: Float32Array;
  y: Float32Array;
  count: number;
}
const hostSets = new Map<string, HostSet>();
function hostSet(pixels: Uint8Array, labels: Uint8Array, count: number): HostSet {
  const key = `${pixels.length}:${count}`;
  let set = hostSets.get(key);
  if (!set) {
    const x = new Float32Array(count * INPUT);
    for (let i = 0; i < x.length; i++) x[i] = pixels[i] / 255;
    const y = new Float32Array(count * CLASSES);
    for (let i = 0; i < count; i++) y[i * CLASSES + labels[i]] = 1;
    set = { x, y, count };
    hostSets.set(key, set);
  }
  return set;
}

const toTensors = ({ x, y, count }: HostSet) => ({
  x: tf.tensor2d(x, [count, INPUT]),
  y: tf.tensor2d(y, [count, CLASSES]),
});

/** tf.setBackend reports a failed initialisation only through console.warn: keep those lines. */
export async function setBackend(name: TfjsBackend): Promise<string | null> {
  const warnings: string[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    warnings.push(args.map(String).join(' '));
    warn(...args);
  };
  try {
    if (await tf.setBackend(name)) {
      await tf.ready();
      return null;
    }
    return warnings.join(' | ') || `tf.setBackend('${name}') returned false`;
  } finally {
    console.warn = warn;
  }
}

async function backendInfo(name: TfjsBackend): Promise<string> {
  if (name === 'wasm') {
    const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
    const threads = await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT');
    return `wasm${simd ? ' simd' : ''}${threads ? ' threads' : ' single-thread'}`;
  }
  if (name === 'webgl') {
    const gl = (tf.backend() as unknown as { gpgpu?: { gl: WebGL2RenderingContext } }).gpgpu?.gl;
    const debug = gl?.getExtension('WEBGL_debug_renderer_info');
    const renderer = gl && debug ? gl.getParameter(debug.UNMASKED_RENDERER_WEBGL) : 'unknown renderer';
    return `WebGL ${tf.env().getNumber('WEBGL_VERSION')}: ${renderer}`;
  }
  const adapter = (tf.backend() as unknown as { adapterInfo?: { vendor?: string; architecture?: string } })
    .adapterInfo;
  return `WebGPU: ${adapter?.vendor ?? '?'} ${adapter?.architecture ?? '?'}`;
}

export async function benchTfjs(
  name: TfjsBackend,
  data: BenchData,
  settings: BenchSettings,
  log: (line: string) => void,
): Promise<BenchRow> {
  const row: BenchRow = { name: `tfjs-${name}`, status: 'ok' };
  const batch = MODELS[settings.model].batch;
  const init = await timed(() => setBackend(name).catch(errorText));
  if (init.value !== null) return { ...row, status: 'unavailable', reason: init.value };
  row.initMs = init.ms;
  row.info = await backendInfo(name);
  log(`${row.info}, init ${init.ms.toFixed(0)} ms`);

  const first = toTensors(hostSet(data.trainPixels, data.trainLabels, batch));
  const block = toTensors(hostSet(data.trainPixels, data.trainLabels, BLOCK_STEPS * batch));
  const test = toTensors(hostSet(data.testPixels, data.testLabels, data.testLabels.length));
  const testWarm = toTensors(hostSet(data.testPixels, data.testLabels, EVAL_BATCH));
  let model: tf.Sequential | undefined;
  try {
    // Reading the last-updated weight waits for every queued GPU command of the step (a sync).
    const fitOnce = async (net: tf.Sequential, set: { x: tf.Tensor; y: tf.Tensor }, shuffle = false) => {
      // yieldEvery 'never': fit would otherwise await animation frames between batches.
      const history = await net.fit(set.x, set.y, {
        batchSize: batch,
        epochs: 1,
        shuffle,
        verbose: 0,
        yieldEvery: 'never',
      });
      await (net.trainableWeights.at(-1) as tf.LayerVariable).read().data();
      return history.history.loss[0] as number;
    };
    const cold = await timed(async () => {
      const net = tf.sequential({
        layers:
          settings.model === 'convnet'
            ? [
                // The same rows of 784 pixels, seen as 28x28x1 images (a view, as in ours).
                tf.layers.reshape({ targetShape: [28, 28, 1], inputShape: [INPUT] }),
                tf.layers.conv2d({ filters: 32, kernelSize: 3, activation: 'relu' }),
                tf.layers.maxPooling2d({ poolSize: 2 }),
                tf.layers.conv2d({ filters: 64, kernelSize: 3, activation: 'relu' }),
                tf.layers.maxPooling2d({ poolSize: 2 }),
                tf.layers.conv2d({ filters: 64, kernelSize: 3, activation: 'relu' }),
                tf.layers.flatten(),
                tf.layers.dense({ units: 64, activation: 'relu' }),
                tf.layers.dense({ units: CLASSES, activation: 'softmax' }),
              ]
            : [
                tf.layers.dense({ units: HIDDEN, activation: 'relu', inputShape: [INPUT] }),
                tf.layers.dense({ units: CLASSES, activation: 'softmax' }),
              ],
      });
      net.compile({
        optimizer: tf.train.rmsprop(0.001, 0.9, 0, 1e-7),
        loss: 'categoricalCrossentropy',
        metrics: ['accuracy'],
      });
      await fitOnce(net, first);
      return net;
    });
    const net = cold.value;
    model = net;
    row.coldMs = cold.ms;
    log(`cold first step: ${cold.ms.toFixed(0)} ms`);

    for (let i = 0; i < blockCount(settings.warmup); i++) await fitOnce(net, block);
    await timeBlocks(row, settings, () => fitOnce(net, block), log);

    if (settings.fullEpoch) {
      const train = toTensors(hostSet(data.trainPixels, data.trainLabels, data.trainLabels.length));
      try {
        // Move the images to the device before the clock starts, as ours uploads them beforehand.
        await tf.tidy(() => tf.gather(train.x, [0])).data();
        row.epochMs = (await timed(() => fitOnce(net, train, true))).ms;
        log(`full epoch: ${(row.epochMs / 1000).toFixed(1)} s`);
      } catch (error) {
        row.epochError = errorText(error);
      } finally {
        tf.dispose([train.x, train.y]);
      }
    }

    const evaluate = async (set: { x: tf.Tensor; y: tf.Tensor }) => {
      const out = net.evaluate(set.x, set.y, { batchSize: EVAL_BATCH }) as tf.Scalar[];
      const [loss, accuracy] = await Promise.all(out.map((t) => t.data()));
      tf.dispose(out);
      return { loss: loss[0], accuracy: accuracy[0] };
    };
    await evaluate(testWarm);
    const evaluation = await timed(() => evaluate(test));
    row.evalMs = evaluation.ms;
    row.testLoss = evaluation.value.loss;
    row.testAccuracy = evaluation.value.accuracy;
    log(`evaluate 10k: ${evaluation.ms.toFixed(0)} ms`);
    row.kernelNote = 'not collected for TF.js';
  } catch (error) {
    row.status = 'failed';
    row.reason = errorText(error);
  } finally {
    model?.dispose();
    tf.dispose([first, block, test, testWarm].flatMap((set) => [set.x, set.y]));
    tf.disposeVariables();
    // Drops the backend itself (WebGL context, wasm memory, GPU device) before the next one starts.
    tf.engine().reset();
  }
  return row;
}
