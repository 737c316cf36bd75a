// The learning-rate range test (Leslie Smith, "Cyclical Learning Rates for Training Neural
// Networks", 2017; popularised by fastai's lr_find): from fresh weights, raise the rate
// exponentially every batch and watch the loss. It falls fastest a little below the rate where
// training starts to blow up; that rate is the suggestion. Pure: the worker feeds it losses.
import { DEFAULT_SWEEP, type RatePoint, type RateSweep } from '../protocol/reports';

export type { RatePoint, RateSweep } from '../protocol/reports';
export { DEFAULT_SWEEP } from '../protocol/reports';

/** Past this many times the best smoothed loss, the sweep has blown up and stops (fastai: 4). */
const BLOW_UP = 4;
const SMOOTHING = 0.98;

/** The rate for batch `step` (0-based): minRate, then ×(maxRate/minRate)^(1/(steps−1)) each batch. */
export function rateAt(sweep: RateSweep, step: number): number {
  const fraction = sweep.steps <= 1 ? 0 : step / (sweep.steps - 1);
  return sweep.minRate * (sweep.maxRate / sweep.minRate) ** fraction;
}

export class RateFinderTrace {
  readonly points: RatePoint[] = [];
  private average = 0;
  private best = Number.POSITIVE_INFINITY;
  /** True once the loss blew up or stopped being a number: the sweep is over. */
  blownUp = false;

  constructor(readonly sweep: RateSweep = DEFAULT_SWEEP) {}

  /** Records the loss of the batch trained at rateAt(step); says whether to go on. */
  add(step: number, loss: number): boolean {
    if (!Number.isFinite(loss)) {
      this.blownUp = true;
      return false;
    }
    this.average = SMOOTHING * this.average + (1 - SMOOTHING) * loss;
    const smoothed = this.average / (1 - SMOOTHING ** (this.points.length + 1));
    this.points.push({ learningRate: rateAt(this.sweep, step), loss, smoothed });
    this.best = Math.min(this.best, smoothed);
    if (smoothed > BLOW_UP * this.best && this.points.length > 1) this.blownUp = true;
    return !this.blownUp && this.points.length < this.sweep.steps;
  }
}

/**
 * The suggested rate: where the smoothed loss falls fastest against log(rate), looking only before
 * its minimum (past it, the loss rises). Null when the curve never falls (too few points, or a loss
 * that only rose): the sweep says nothing useful then.
 */
export function suggestRate(points: RatePoint[]): number | null {
  if (points.length < 5) return null;
  let lowest = 0;
  for (let i = 1; i < points.length; i++) if (points[i].smoothed < points[lowest].smoothed) lowest = i;
  let steepest = -1;
  let steepestSlope = 0;
  for (let i = 1; i <= lowest; i++) {
    const slope =
      (points[i].smoothed - points[i - 1].smoothed) /
      (Math.log10(points[i].learningRate) - Math.log10(points[i - 1].learningRate));
    if (slope < steepestSlope) {
      steepestSlope = slope;
      steepest = i;
    }
  }
  return steepest < 0 ? null : points[steepest].learningRate;
}
