// The step mode on the CPU reference backend: the pure parts by hand, then a paused fit stepped
// once through inspectStep's probe (tests/cases/stepMode.ts; the same checks run on WebGPU).
import { expect, test } from 'vitest';
import { CpuBackend } from '../../src/backend/cpu/cpuBackend';
import { Conv2D } from '../../src/nn/conv2d';
import { DeviceDataset } from '../../src/nn/dataset';
import { Dense } from '../../src/nn/dense';
import { Flatten } from '../../src/nn/flatten';
import type { Layer } from '../../src/nn/layer';
import { Random } from '../../src/nn/random';
import { rmsprop } from '../../src/nn/rmsprop';
import { type FitHold, Sequential } from '../../src/nn/sequential';
import { firstUnitLayer, largestChanges, meanLoss, unitChangeNorms } from '../../src/nn/stepInspection';
import { inspectStep } from '../../src/worker/stepInspector';
import { checkStepWhilePaused } from '../cases/stepMode';

test('unitChangeNorms takes the L2 norm of each column of the change (units last)', () => {
  // [3 inputs, 2 units]: unit 0 moves by (3, 0, 4), unit 1 by (0, 1, 0).
  const before = Float32Array.of(1, 1, 1, 1, 1, 1);
  const after = Float32Array.of(4, 1, 1, 2, 5, 1);
  expect([...unitChangeNorms(before, after, 2)]).toEqual([5, 1]);
  expect([...unitChangeNorms(before, before, 2)]).toEqual([0, 0]);
  expect(() => unitChangeNorms(before, after.subarray(1), 2)).toThrow(/not kernels of 2 units/);
  expect(() => unitChangeNorms(before, after, 4)).toThrow(/not kernels of 4 units/);
});

test('largestChanges ranks largest first, ties in unit order, not-a-number first, at most count', () => {
  const norms = Float32Array.of(0.5, 2, 0.5, Number.NaN, 1);
  expect(largestChanges(norms, 4).map((c) => c.unit)).toEqual([3, 1, 4, 0]);
  expect(largestChanges(Float32Array.of(1, 2), 8)).toEqual([
    { unit: 1, change: 2 },
    { unit: 0, change: 1 },
  ]);
});

test('meanLoss is the metrics buffer’s loss sum over the rows it saw', () => {
  expect(meanLoss(Float32Array.of(6, 2, 4, 0))).toBe(1.5);
});

function blocks(count: number, seed: number) {
  const random = new Random(seed);
  const pixels = new Uint8Array(count * 16);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const label = Math.floor(random.next() * 4);
    labels[i] = label;
    for (let p = 0; p < 16; p++)
      pixels[i * 16 + p] = Math.floor(random.next() * 60) + (Math.floor(p / 4) === label ? 180 : 0);
  }
  return { pixels, labels };
}

function compiled(layers: Layer[], backend: CpuBackend): Sequential {
  const model = new Sequential(layers);
  model.compile({
    backend,
    optimizer: rmsprop({ learningRate: 0.003 }),
    loss: 'categoricalCrossentropy',
    seed: 3,
  });
  return model;
}

test('a paused MLP steps exactly one batch: losses before and after, and the units that moved most', async () => {
  const backend = new CpuBackend();
  const mlp = () =>
    compiled(
      [new Dense(12, { activation: 'relu', inputShape: [16] }), new Dense(4, { activation: 'softmax' })],
      backend,
    );
  const { inspection } = await checkStepWhilePaused({
    backend,
    model: mlp(),
    twin: mlp(),
    ...blocks(150, 2),
    pixelsPerImage: 16,
    batchSize: 10,
    pauseAt: 6,
    kernelIndex: 0,
    rtol: 1e-5,
  });
  expect(inspection.layer).toEqual({ kind: 'Dense', index: 0, units: 12 });
});

test('a ConvNet ranks its first convolution’s filters', async () => {
  const backend = new CpuBackend();
  const convnet = () =>
    compiled(
      [
        new Conv2D(5, { activation: 'relu', inputShape: [4, 4, 1] }),
        new Flatten(),
        new Dense(4, { activation: 'softmax' }),
      ],
      backend,
    );
  const model = convnet();
  expect(firstUnitLayer(model)).toMatchObject({ kind: 'Conv2D', index: 0, units: 5 });
  const { inspection } = await checkStepWhilePaused({
    backend,
    model,
    twin: convnet(),
    ...blocks(60, 4),
    pixelsPerImage: 16,
    batchSize: 8,
    pauseAt: 3,
    kernelIndex: 0,
    rtol: 1e-5,
  });
  expect(inspection.changed).toHaveLength(5);
});

test('a hold asked for at an epoch’s end waits before its evaluation; a step there trains the next epoch’s first batch', async () => {
  const backend = new CpuBackend();
  const model = compiled(
    [new Dense(8, { activation: 'relu', inputShape: [16] }), new Dense(4, { activation: 'softmax' })],
    backend,
  );
  const { pixels, labels } = blocks(40, 5);
  const train = DeviceDataset.upload(backend, pixels, labels, 16); // 4 batches of 10
  const events: string[] = [];
  let asked = 0;
  let inspector: ReturnType<typeof inspectStep> | null = null;
  const hold: FitHold = {
    // The 5th question comes after epoch 0's 4 batches; the 6th after the step.
    requested: () => ++asked === 5 || asked === 6,
    wait: async () => {
      events.push('wait');
      if (inspector) return null;
      inspector = inspectStep(model);
      return inspector.probe;
    },
  };
  await model.fit(train, {
    epochs: 2,
    batchSize: 10,
    logEvery: 3,
    hold,
    onBatchEnd: (logs) => void events.push(`report ${logs.epoch}:${logs.batch}`),
    onEpochEnd: (logs) => void events.push(`epoch ${logs.epoch}`),
  });
  expect(events).toEqual([
    'report 0:3',
    'report 0:4',
    'wait',
    'epoch 0',
    'report 1:1',
    'wait',
    'report 1:3',
    'report 1:4',
    'epoch 1',
  ]);
  const { inspection } = await (inspector as unknown as ReturnType<typeof inspectStep>).result;
  expect(inspection.step).toBe(4);
  expect(inspection.lossAfter).toBeLessThan(inspection.lossBefore);
});
