// Divergence is detected on the GPU (softmaxXent counts non-finite rows into the metrics buffer) and
// read with the metrics: fit() adds no readback of its own to notice it.
import { expect, test } from 'vitest';
import { METRICS_LENGTH } from '../../src/backend/backend';
import type { WebGPUBackend } from '../../src/backend/webgpu/webgpuBackend';
import { loadMnist, PIXELS } from '../../src/data/mnist';
import { DeviceDataset } from '../../src/nn/dataset';
import { type BatchLogs, TrainingDivergedError } from '../../src/nn/sequential';
import { DEFAULT_SETTINGS } from '../../src/protocol/settings';
import { buildModel } from '../../src/worker/model';
import { gpuBackend } from './harness';

const backend = await gpuBackend();
const mnist = await loadMnist('/mnist/');
const IMAGES = 1000;
const train = DeviceDataset.upload(
  backend,
  mnist.train.pixels.subarray(0, IMAGES * PIXELS),
  mnist.train.labels.subarray(0, IMAGES),
  PIXELS,
);
const settings = (learningRate: number) => ({ ...DEFAULT_SETTINGS, hidden: 32, learningRate });
const FIT = { epochs: 1, batchSize: 50, logEvery: 5 }; // 20 batches, 4 reports

/** Counts every readback, and its length, while `body` runs. */
async function countingReads(b: WebGPUBackend, body: () => Promise<unknown>): Promise<number[]> {
  const lengths: number[] = [];
  const read = b.read.bind(b);
  b.read = (storage, length) => {
    lengths.push(length ?? storage.length);
    return read(storage, length);
  };
  try {
    await body().catch(() => {});
  } finally {
    b.read = read;
  }
  return lengths;
}

test('a learning rate of 10 gives a huge loss, but a finite one: the stable softmax does not overflow', async () => {
  const model = buildModel(backend, settings(10));
  const losses: number[] = [];
  await model.fit(train, { ...FIT, onBatchEnd: (logs) => void losses.push(logs.loss) });
  expect(losses).toHaveLength(4);
  expect(Math.max(...losses)).toBeGreaterThan(100); // far above 2.3, random guessing
  expect(losses.every(Number.isFinite)).toBe(true);
  model.dispose();
});

test('a learning rate of 1e20 overflows on the GPU; fit stops at the first report, with no extra readback', async () => {
  const model = buildModel(backend, settings(1e20));
  let error: unknown;
  const reads = await countingReads(backend, () =>
    model.fit(train, FIT).catch((e) => {
      error = e;
    }),
  );
  expect(error).toBeInstanceOf(TrainingDivergedError);
  expect((error as Error).message).toMatch(
    /^The loss became NaN or infinite in epoch 1 \(by batch 5 of 20\)/,
  );
  expect((error as Error).message).toContain('try a smaller one');
  // Only metrics reads, one per report queued (reads run one report ahead): no stall to check a flag.
  expect(reads.every((length) => length === METRICS_LENGTH)).toBe(true);
  expect(reads.length).toBeLessThanOrEqual(2);
  model.dispose();
});

test('a weight that turns non-finite mid-run: the reports before it arrive, then the run stops', async () => {
  const model = buildModel(backend, settings(0.001));
  const reports: BatchLogs[] = [];
  let error: unknown;
  const reads = await countingReads(backend, () =>
    model
      .fit(train, {
        ...FIT,
        onBatchEnd: (logs) => {
          reports.push(logs);
          // After the first report, the output layer's weights blow up (as an overflowing update would).
          if (reports.length === 1)
            backend.write(model.parameters[2].storage, new Float32Array(320).fill(3e38));
        },
      })
      .catch((e) => {
        error = e;
      }),
  );
  expect(error).toBeInstanceOf(TrainingDivergedError);
  expect(reports.length).toBeGreaterThanOrEqual(1);
  expect(reports.every((r) => Number.isFinite(r.loss))).toBe(true);
  expect((error as Error).message).toMatch(/by batch (10|15|20) of 20/);
  expect(reads.every((length) => length === METRICS_LENGTH)).toBe(true);
  model.dispose();
});
