// Keras's fit loop: epochs of batches in the seeded order, several steps to a command buffer,
// metrics read back every few batches without stalling the queue, holds (pause, step mode) asked
// for between batches, and the test set's figures at each epoch's end. Sequential.fit calls it.
import { DEFAULT_AUGMENT } from '../backend/augmentation';
import { type Backend, METRICS_LENGTH, type Storage } from '../backend/backend';
import type { Augment, DeviceDataset } from './dataset';
import type { BatchProbe, EpochLogs, Evaluation, FitOptions } from './fitOptions';
import { MetricsReader } from './metricsReader';
import { mixedBatchCount, mixedOrder } from './mixedOrder';

/** Training steps recorded into one command buffer before it is submitted. */
const STEPS_PER_SUBMIT = 4;

/** What the loop needs of the model (Sequential). */
export interface FitModel {
  /** Set to true (e.g. from onBatchEnd) to end fit() after the current batch, as in Keras. */
  stopTraining: boolean;
  readonly backend: Backend;
  readonly seed: number;
  readonly readsSparseInput: boolean;
  epochOrder(epoch: number, count: number, shuffle: boolean): Uint32Array;
  trainStep(
    x: DeviceDataset,
    order: Storage,
    offset: number,
    rows: number,
    metrics: Storage,
    augment?: Augment,
  ): void;
  recordBatchLoss(
    x: DeviceDataset,
    order: Storage,
    offset: number,
    rows: number,
    metrics: Storage,
    augment?: Augment,
  ): void;
  evaluate(x: DeviceDataset): Promise<Evaluation>;
}

export async function fitLoop(
  model: FitModel,
  x: DeviceDataset,
  options: FitOptions = {},
): Promise<EpochLogs[]> {
  const { backend } = model;
  const { epochs = 1, batchSize = 32, shuffle = true, initialEpoch = 0, logEvery = 8 } = options;
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new Error(`fit: batch size must be a positive integer, got ${batchSize}`);
  const { mix } = options;
  // With a mix, the epoch goes through the images before the mixed-in ones (mixedOrder.ts).
  const mainCount = x.count - (mix?.count ?? 0);
  const batches = mix ? mixedBatchCount(mainCount, batchSize, mix.perBatch) : Math.ceil(x.count / batchSize);
  const orderLength = mix ? mainCount + batches * mix.perBatch : x.count;
  const ranges = options.augment === true ? DEFAULT_AUGMENT : options.augment || null;
  const order = backend.alloc(orderLength);
  const metrics = backend.alloc(METRICS_LENGTH);
  const history: EpochLogs[] = [];
  /** A probe given at an epoch's end: it trains the next epoch's first batch. */
  let carried: BatchProbe | null = null;
  model.stopTraining = false;
  try {
    for (let epoch = initialEpoch; epoch < epochs && !model.stopTraining; epoch++) {
      const started = performance.now();
      const mainOrder = model.epochOrder(epoch, mainCount, shuffle);
      const epochOrder = mix ? mixedOrder(mainOrder, batchSize, mix, model.seed * 7 + epoch) : mainOrder;
      // Grouping helps only the sparse matmul of a Dense first layer.
      backend.write(order, model.readsSparseInput ? x.groupedBatches(epochOrder, batchSize) : epochOrder);
      backend.fill(metrics, 0);
      const reader = new MetricsReader(backend, metrics, epoch, batches, (logs) =>
        options.onBatchEnd?.(logs),
      );
      let done = 0;
      while (!model.stopTraining) {
        let probe: BatchProbe | null = carried;
        carried = null;
        // NOTE: asked once more after the last batch, so that a pause asked for while the epoch's
        // last reports come in holds there, before the evaluation, as it did when pauses waited
        // in onBatchEnd.
        if (!probe && options.hold?.requested(epoch * batches + done)) {
          reader.request(done);
          await reader.reportUntil(0);
          probe = await options.hold.wait();
          if (model.stopTraining) break;
        }
        if (done === batches) {
          carried = probe;
          break;
        }
        const offset = done * batchSize;
        const rows = Math.min(batchSize, orderLength - offset);
        const step = epoch * batches + done;
        const augment = ranges ? { seed: model.seed, step, ranges } : undefined;
        const train = () => model.trainStep(x, order, offset, rows, metrics, augment);
        if (!probe) train();
        else {
          const recordLoss = (into: Storage) => model.recordBatchLoss(x, order, offset, rows, into, augment);
          probe({ step, rows, recordLoss, train });
        }
        done++;
        // Several steps per command buffer: fewer submits (which cost on real GPUs), while the
        // GPU still gets work long before it could run dry. Reads submit whatever is pending.
        if (done % STEPS_PER_SUBMIT === 0) backend.flush();
        if (probe || done % logEvery === 0 || done === batches) {
          reader.request(done);
          // A probed batch is reported on its own, at once: the page shows that one step.
          await reader.reportUntil(probe ? 0 : 1);
        }
      }
      reader.request(done);
      await reader.reportUntil(0);
      const logs: EpochLogs = {
        epoch,
        ...reader.epochMeans,
        seconds: (performance.now() - started) / 1000,
      };
      if (options.validationData && !model.stopTraining) {
        const val = await model.evaluate(options.validationData);
        logs.valLoss = val.loss;
        logs.valAccuracy = val.accuracy;
      }
      history.push(logs);
      await options.onEpochEnd?.(logs);
    }
  } finally {
    backend.free(metrics);
    backend.free(order);
  }
  return history;
}
