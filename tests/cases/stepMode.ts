// The step mode's engine part, run the same on the CPU backend (tests/worker/stepMode.test.ts) and
// on real WebGPU (tests/gpu/stepMode.gpu.test.ts): fit holds at a batch with every batch so far
// reported, trains exactly one batch through inspectStep's probe, and what the probe reports is
// checked against the model itself: the batch's loss before and after evaluated on its own, and the
// changed units against norms worked out here from the whole kernel read before and after.
import { expect } from 'vitest';
import type { Backend } from '../../src/backend/backend';
import { DeviceDataset } from '../../src/nn/dataset';
import type { BatchLogs, FitHold, Sequential } from '../../src/nn/sequential';
import { CHANGED_UNITS } from '../../src/nn/stepInspection';
import { type InspectedStep, inspectStep } from '../../src/worker/stepInspector';
import { expectClose } from './expectClose';

export interface StepCase {
  backend: Backend;
  /** Compiled, untrained. */
  model: Sequential;
  pixels: Uint8Array;
  labels: Uint8Array;
  pixelsPerImage: number;
  batchSize: number;
  /** Batches trained before the pause (within the first epoch). */
  pauseAt: number;
  /** The layer whose kernel is ranked (its parameters' index among the model's). */
  kernelIndex: number;
  /** Float tolerance for the losses (relative). */
  rtol: number;
  /** The same model compiled again: trained without a pause, it must end with the same weights. */
  twin: Sequential;
}

/** The straightforward per-unit L2 norm of a kernel's change: units are the last dimension. */
function referenceNorms(before: Float32Array, after: Float32Array, units: number): number[] {
  const norms: number[] = [];
  for (let u = 0; u < units; u++) {
    let sum = 0;
    for (let row = 0; row < before.length / units; row++)
      sum += (after[row * units + u] - before[row * units + u]) ** 2;
    norms.push(Math.sqrt(sum));
  }
  return norms;
}

export async function checkStepWhilePaused(c: StepCase): Promise<InspectedStep> {
  const { backend, model, batchSize, pauseAt, pixelsPerImage } = c;
  const count = c.labels.length;
  const batches = Math.ceil(count / batchSize);
  // The paused batch's images on their own: evaluate() gives its loss with the weights as they are.
  const order = model.epochOrder(0, count, true).subarray(pauseAt * batchSize, (pauseAt + 1) * batchSize);
  const batchPixels = new Uint8Array(order.length * pixelsPerImage);
  for (const [row, image] of order.entries())
    batchPixels.set(
      c.pixels.subarray(image * pixelsPerImage, (image + 1) * pixelsPerImage),
      row * pixelsPerImage,
    );
  const batch = DeviceDataset.upload(
    backend,
    batchPixels,
    Uint8Array.from(order, (i) => c.labels[i]),
    pixelsPerImage,
  );
  const kernelOf = async () => (await model.getWeights())[c.kernelIndex];

  const reports: BatchLogs[] = [];
  let asked = 0;
  let state: 'running' | 'paused' | 'stepped' | 'resumed' = 'running';
  const seen: { reportAtPause?: number; kernelBefore?: Float32Array; lossBefore?: number } = {};
  let after: { reports: number; kernel: Float32Array; loss: number } | null = null;
  let result: Promise<InspectedStep> | null = null;
  const hold: FitHold = {
    requested: () => {
      if (asked++ === pauseAt) state = 'paused';
      return state === 'paused' || state === 'stepped';
    },
    wait: async () => {
      if (state === 'paused') {
        seen.reportAtPause = reports.at(-1)?.batch;
        seen.kernelBefore = await kernelOf();
        seen.lossBefore = (await model.evaluate(batch)).loss;
        const inspector = inspectStep(model);
        result = inspector.result;
        state = 'stepped';
        return inspector.probe;
      }
      after = { reports: reports.length, kernel: await kernelOf(), loss: (await model.evaluate(batch)).loss };
      state = 'resumed';
      return null;
    },
  };
  const train = DeviceDataset.upload(backend, c.pixels, c.labels, pixelsPerImage);
  const onBatchEnd = (logs: BatchLogs) => void reports.push(logs);
  await model.fit(train, { epochs: 1, batchSize, logEvery: 4, hold, onBatchEnd });
  // The step was a batch of the run like any other: the same run without it ends the same.
  await c.twin.fit(train, { epochs: 1, batchSize, logEvery: 4 });
  const [stepped, plain] = await Promise.all([model.getWeights(), c.twin.getWeights()]);
  for (const [i, w] of stepped.entries())
    expectClose(w, plain[i], 1e-6, 1e-5, `parameter ${i} after the run`);
  batch.dispose();
  train.dispose();

  // Held at pauseAt with every batch reported; the step was reported on its own; the run went on to the end.
  expect(seen.reportAtPause).toBe(pauseAt);
  const stepReport = reports.find((r) => r.batch === pauseAt + 1) as BatchLogs;
  expect(stepReport, 'the step is reported on its own').toBeDefined();
  expect(reports.at(-1)?.batch).toBe(batches);
  expect(after).not.toBeNull();
  const { kernel, loss, reports: reportsAfterStep } = after as unknown as NonNullable<typeof after>;
  expect(reports[reportsAfterStep - 1]).toBe(stepReport);

  const inspected = await (result as unknown as Promise<InspectedStep>);
  const { inspection } = inspected;
  expect(inspection.step).toBe(pauseAt);
  expect(inspection.rows).toBe(order.length);
  expect(inspection.lossBefore).toBeCloseTo(
    seen.lossBefore as number,
    closeDigits(c.rtol, inspection.lossBefore),
  );
  expect(inspection.lossBefore).toBeCloseTo(stepReport.loss, closeDigits(c.rtol, inspection.lossBefore));
  expect(inspection.lossAfter).toBeCloseTo(loss, closeDigits(c.rtol, inspection.lossAfter));
  // One RMSprop step against the batch's gradient lowers the batch's loss (a small enough rate).
  expect(inspection.lossAfter).toBeLessThan(inspection.lossBefore);
  expect(inspected.kernelAfter).toEqual(kernel);

  const units = inspection.layer.units;
  const norms = referenceNorms(seen.kernelBefore as Float32Array, kernel, units);
  const ranked = norms.map((change, unit) => ({ unit, change })).sort((a, b) => b.change - a.change);
  expect(inspection.changed).toHaveLength(Math.min(CHANGED_UNITS, units));
  inspection.changed.forEach(({ unit, change }, i) => {
    expect(change).toBeCloseTo(norms[unit], 5);
    // The same ranking, up to ties within rounding.
    expect(change).toBeCloseTo(ranked[i].change, 5);
  });
  expect(inspection.changed[0].change).toBeGreaterThan(0);
  expect(inspection.meanChange).toBeCloseTo(norms.reduce((a, b) => a + b, 0) / units, 5);
  return inspected;
}

/** toBeCloseTo's digits for a relative tolerance at this magnitude. */
function closeDigits(rtol: number, value: number): number {
  return -Math.log10(2 * rtol * Math.max(1, Math.abs(value)));
}
