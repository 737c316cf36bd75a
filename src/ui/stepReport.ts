// The step mode's words: what one step did to its batch's loss, and which units it moved most.
import type { StepInspection } from '../protocol/reports';
import { formatCount } from './format';

/** Four decimals: one step moves a loss by hundredths, which two decimals would hide. */
function formatStepLoss(loss: number): string {
  return Number.isFinite(loss) ? loss.toFixed(4) : 'not a number';
}

/** A weight change's size: "0.0424", or "4.2e-7" for the tiny ones. */
export function formatChange(change: number): string {
  if (!Number.isFinite(change)) return 'not a number';
  return change !== 0 && Math.abs(change) < 1e-4 ? change.toExponential(1) : change.toFixed(4);
}

/** "Batch 12 of the run (100 images): loss 0.5321 before the step, 0.4980 after it: 6.4% lower." */
export function describeStepLoss({ step, rows, lossBefore, lossAfter }: StepInspection): string {
  const head = `Batch ${formatCount(step + 1)} of the run (${formatCount(rows)} images): loss ${formatStepLoss(lossBefore)} before the step, ${formatStepLoss(lossAfter)} after it`;
  if (!Number.isFinite(lossBefore) || !Number.isFinite(lossAfter) || lossBefore === 0) return `${head}.`;
  const change = (lossAfter - lossBefore) / lossBefore;
  if (Math.abs(change) < 0.0005) return `${head}: about the same.`;
  return `${head}: ${(Math.abs(change) * 100).toFixed(1)}% ${change < 0 ? 'lower' : 'higher'}.`;
}

/** What the ranked units are: "hidden units of the first Dense layer" or "filters of the first Conv2D layer". */
export function describeUnitLayer({ layer }: StepInspection): { unit: string; text: string } {
  const unit = layer.kind === 'Conv2D' ? 'Filter' : 'Unit';
  const what = layer.kind === 'Conv2D' ? 'filters' : 'hidden units';
  return { unit, text: `${what} of the first ${layer.kind} layer (${formatCount(layer.units)} in all)` };
}
