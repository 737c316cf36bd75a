// The step mode's probe: around one training step of a paused run, the batch's loss with the
// weights before and after the step, and the first unit layer's kernel before and after it.
import { METRICS_LENGTH } from '../backend/backend';
import type { BatchProbe, Sequential } from '../nn/sequential';
import { firstUnitLayer, inspectionOf, type StepInspection } from '../nn/stepInspection';

export interface InspectedStep {
  inspection: StepInspection;
  /** The first unit layer's kernel after the step (the unit tiles show it when it is the first layer). */
  kernelAfter: Float32Array;
}

/**
 * A probe for fit()'s next batch, and what it finds once read back. Everything is recorded in the
 * probe, in order, so the reads hold exactly the weights before and after this one step.
 */
export function inspectStep(model: Sequential): { probe: BatchProbe; result: Promise<InspectedStep> } {
  const layer = firstUnitLayer(model);
  if (!layer) throw new Error('Step: this model has no layer with units to look at');
  const { kernel, ...described } = layer;
  const { backend } = model;
  let settle: { resolve: (step: InspectedStep) => void; reject: (error: unknown) => void } | null = null;
  const result = new Promise<InspectedStep>((resolve, reject) => {
    settle = { resolve, reject };
  });
  const probe: BatchProbe = (batch) => {
    // NOTE: the kernel is read whole before and after the step (the MLP's first kernel is 784×512
    // floats, 1.6 MB each way) and the per-unit norms are taken here. For a learner's single click
    // that costs a few milliseconds; reducing on the device would need one more kernel (with its
    // reference and tests) to save two readbacks at the pace of a click.
    const before = kernel.toArray();
    const metrics = [backend.alloc(METRICS_LENGTH), backend.alloc(METRICS_LENGTH)];
    for (const m of metrics) backend.fill(m, 0);
    batch.recordLoss(metrics[0]);
    batch.train();
    batch.recordLoss(metrics[1]);
    const reads = Promise.all([
      before,
      kernel.toArray(),
      backend.read(metrics[0], METRICS_LENGTH),
      backend.read(metrics[1], METRICS_LENGTH),
    ]);
    // The copies are queued: the buffers can go back to the pool.
    for (const m of metrics) backend.free(m);
    reads.then(
      ([kernelBefore, kernelAfter, lossBefore, lossAfter]) =>
        settle?.resolve({
          inspection: inspectionOf(
            batch.step,
            batch.rows,
            described,
            { before: kernelBefore, after: kernelAfter },
            { before: lossBefore, after: lossAfter },
          ),
          kernelAfter,
        }),
      (error) => settle?.reject(error),
    );
  };
  // A failed read means a lost device or a failed run, which fit() reports on its own.
  result.catch(() => {});
  return { probe, result };
}
