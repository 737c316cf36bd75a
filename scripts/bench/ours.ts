// Our engine (src/): WebGPU with the hand-written WGSL kernels, driven through Sequential like the app.
import {
  BOOK_CONVNET,
  buildLayers,
  Dense,
  DeviceDataset,
  requestGpuDevice,
  rmsprop,
  Sequential,
  WebGPUBackend,
  warmUp,
} from '../../src/index';
import {
  type BenchData,
  type BenchRow,
  type BenchSettings,
  BLOCK_STEPS,
  blockCount,
  EVAL_BATCH,
  errorText,
  HIDDEN,
  INPUT,
  MODELS,
  timeBlocks,
  timed,
} from './common';

/** Large enough that fit() reads the metrics back once, at the end of each call (a sync). */
const LOG_ONCE = 1_000_000;

export async function benchOurs(
  data: BenchData,
  settings: BenchSettings,
  log: (line: string) => void,
): Promise<BenchRow> {
  const row: BenchRow = { name: 'ours', status: 'ok' };
  const batch = MODELS[settings.model].batch;
  let device: GPUDevice;
  try {
    const init = await timed(() => requestGpuDevice());
    device = init.value.device;
    row.initMs = init.ms;
    row.info = init.value.adapterName;
  } catch (error) {
    return { ...row, status: 'unavailable', reason: errorText(error) };
  }
  const backend = new WebGPUBackend(device);
  const sync = () => device.queue.onSubmittedWorkDone();
  const datasets: DeviceDataset[] = [];
  const upload = (pixels: Uint8Array, labels: Uint8Array, count: number) => {
    const set = DeviceDataset.upload(
      backend,
      pixels.subarray(0, count * INPUT),
      labels.subarray(0, count),
      INPUT,
    );
    datasets.push(set);
    return set;
  };
  let model: Sequential | undefined;
  try {
    const first = upload(data.trainPixels, data.trainLabels, batch);
    const block = upload(data.trainPixels, data.trainLabels, BLOCK_STEPS * batch);
    const test = upload(data.testPixels, data.testLabels, data.testLabels.length);
    const testWarm = upload(data.testPixels, data.testLabels, EVAL_BATCH);
    await sync();
    const fitOnce = async (net: Sequential, set: DeviceDataset, shuffle = false) => {
      const history = await net.fit(set, {
        epochs: 1,
        batchSize: batch,
        shuffle,
        logEvery: LOG_ONCE,
      });
      await sync();
      return history[0].loss;
    };

    // The app does this while the data downloads: tune the matmul and compile every pipeline.
    row.tuneMs = (await timed(() => warmUp(backend, INPUT, batch, HIDDEN))).ms;
    log(`warm-up (tune + compile): ${row.tuneMs.toFixed(0)} ms -> matmul ${backend.matmulVariant}`);
    const cold = await timed(async () => {
      const net = new Sequential(
        settings.model === 'convnet'
          ? buildLayers(BOOK_CONVNET)
          : [
              new Dense(HIDDEN, { activation: 'relu', inputShape: [INPUT] }),
              new Dense(10, { activation: 'softmax' }),
            ],
      );
      net.compile({
        backend,
        optimizer: rmsprop({ learningRate: 0.001, rho: 0.9, epsilon: 1e-7 }),
        loss: 'categoricalCrossentropy',
      });
      await fitOnce(net, first);
      return net;
    });
    const net = cold.value;
    model = net;
    row.coldMs = cold.ms;
    row.info += `, matmul ${backend.matmulVariant}`;
    log(`cold first step after the warm-up: ${cold.ms.toFixed(0)} ms`);

    for (let i = 0; i < blockCount(settings.warmup); i++) await fitOnce(net, block);
    await timeBlocks(row, settings, () => fitOnce(net, block), log);
    // One more block, counted: its dispatches and submits (the block's one metrics read included).
    const [dispatches, submits] = [backend.dispatches, backend.submits];
    await fitOnce(net, block);
    row.dispatchesPerStep = (backend.dispatches - dispatches) / BLOCK_STEPS;
    row.submitsPerStep = (backend.submits - submits) / BLOCK_STEPS;
    log(`per step: ${row.dispatchesPerStep} dispatches, ${row.submitsPerStep} submits`);

    if (settings.fullEpoch) {
      try {
        const train = upload(data.trainPixels, data.trainLabels, data.trainLabels.length);
        await sync();
        row.epochMs = (await timed(() => fitOnce(net, train, true))).ms;
        log(`full epoch: ${(row.epochMs / 1000).toFixed(1)} s`);
      } catch (error) {
        row.epochError = errorText(error);
      }
    }

    await net.evaluate(testWarm, { batchSize: EVAL_BATCH });
    const evaluation = await timed(() => net.evaluate(test, { batchSize: EVAL_BATCH }));
    row.evalMs = evaluation.ms;
    row.testLoss = evaluation.value.loss;
    row.testAccuracy = evaluation.value.accuracy;
    log(`evaluate 10k: ${evaluation.ms.toFixed(0)} ms`);

    await kernelTimes(backend, row, () => fitOnce(net, block));
  } catch (error) {
    row.status = 'failed';
    row.reason = errorText(error);
  } finally {
    model?.dispose();
    for (const set of datasets) set.dispose();
    device.destroy();
  }
  return row;
}

/** The backend's kernel profiler, looked up at run time: its API is newer than this bench. */
interface Profiling {
  startProfile?: () => boolean;
  stopProfile?: () => Promise<Map<string, { ms: number; count: number }>>;
}

/**
 * GPU time per kernel id over one extra, untimed block, as ms and dispatches per step. Profiling
 * gives every dispatch a pass of its own, so the block's own time is not comparable and is dropped.
 */
async function kernelTimes(backend: WebGPUBackend, row: BenchRow, runBlock: () => Promise<number>) {
  const profiling = backend as unknown as Profiling;
  if (!profiling.startProfile || !profiling.stopProfile) {
    row.kernelNote = 'WebGPUBackend exposes no per-kernel profile';
    return;
  }
  if (!profiling.startProfile.call(backend)) {
    row.kernelNote = "the adapter has no 'timestamp-query'";
    return;
  }
  await runBlock();
  const totals = await profiling.stopProfile.call(backend);
  row.kernelMs = {};
  row.kernelCalls = {};
  for (const [kernel, { ms, count }] of [...totals].sort((a, b) => b[1].ms - a[1].ms)) {
    row.kernelMs[kernel] = ms / BLOCK_STEPS;
    row.kernelCalls[kernel] = count / BLOCK_STEPS;
  }
  row.kernelNote =
    `GPU ms per step from timestamp queries over one extra block of ${BLOCK_STEPS} steps ` +
    '(a pass per dispatch: the total exceeds the unprofiled step)';
}
