// What one training step did, worked out from what the device gave back: the batch's loss before
// and after the step, and which units' incoming weights moved most. Pure, so it is tested on the
// CPU; src/worker/stepInspector.ts reads the numbers off the device.
import { toMetrics } from '../backend/backend';
import type { Tensor } from '../engine/tensor';
import type { StepInspection, UnitChange, UnitLayer } from '../protocol/reports';
import { Conv2D } from './conv2d';
import { Dense } from './dense';
import type { Sequential } from './sequential';

export type { StepInspection, UnitChange, UnitLayer } from '../protocol/reports';

/** Units ranked by how far their incoming weights moved: this many are reported. */
export const CHANGED_UNITS = 8;

/** The mean loss in a metrics buffer's words (softmaxXent's sum over the rows it saw). */
export function meanLoss(words: Float32Array): number {
  const { lossSum, seen } = toMetrics(words);
  return lossSum / seen;
}

/**
 * Each unit's change, given a kernel before and after whose last dimension is the units (row-major:
 * Dense [inputs, units], Conv2D [3, 3, channels, filters]): the L2 norm of column u's difference.
 */
export function unitChangeNorms(before: Float32Array, after: Float32Array, units: number): Float32Array {
  if (before.length !== after.length || before.length % units !== 0)
    throw new Error(
      `unitChangeNorms: ${before.length} and ${after.length} values are not kernels of ${units} units`,
    );
  const sums = new Float64Array(units);
  for (let i = 0; i < before.length; i++) {
    const d = after[i] - before[i];
    sums[i % units] += d * d;
  }
  return Float32Array.from(sums, Math.sqrt);
}

/** The `count` largest changes, largest first; equal ones in unit order. Not-a-number ranks first. */
export function largestChanges(norms: Float32Array, count = CHANGED_UNITS): UnitChange[] {
  const key = (v: number) => (Number.isNaN(v) ? Number.POSITIVE_INFINITY : v);
  return Array.from(norms, (change, unit) => ({ unit, change }))
    .sort((a, b) => key(b.change) - key(a.change) || a.unit - b.unit)
    .slice(0, count);
}

/** The first layer with units of its own (a Dense layer's units, a Conv2D's filters), with its kernel. */
export function firstUnitLayer(model: Sequential): (UnitLayer & { kernel: Tensor }) | null {
  const index = model.layers.findIndex((l) => l instanceof Dense || l instanceof Conv2D);
  if (index < 0) return null;
  const layer = model.layers[index] as Dense | Conv2D;
  const kernel = layer.parameters[0];
  return { kind: layer.kind, index, units: kernel.shape[kernel.shape.length - 1], kernel };
}

/** What a step did, from the kernel read before and after it and the two loss evaluations' metrics. */
export function inspectionOf(
  step: number,
  rows: number,
  layer: UnitLayer,
  kernels: { before: Float32Array; after: Float32Array },
  metrics: { before: Float32Array; after: Float32Array },
): StepInspection {
  const norms = unitChangeNorms(kernels.before, kernels.after, layer.units);
  let total = 0;
  for (const n of norms) total += n;
  return {
    step,
    rows,
    lossBefore: meanLoss(metrics.before),
    lossAfter: meanLoss(metrics.after),
    layer,
    changed: largestChanges(norms),
    meanChange: total / layer.units,
  };
}
