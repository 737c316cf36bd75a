// Learning-rate schedules: the rate for each training step, a pure function of the step. The
// optimizer reads its learningRate at every step, so a run sets it before each one (speedrun.ts).

/** The rate at step `step` (0 = the first step) of a run of `totalSteps`. */
export type LearningRateSchedule = (step: number) => number;

export interface OneCycleOptions {
  /** The peak rate (PyTorch's max_lr). */
  peak: number;
  totalSteps: number;
  /** The share of the steps spent rising to the peak (PyTorch's default 0.3). */
  pctStart?: number;
  /** Starts at peak / divFactor (PyTorch's default 25). */
  divFactor?: number;
  /** Ends at peak / divFactor / finalDivFactor (PyTorch's default 1e4). */
  finalDivFactor?: number;
}

const cosineBetween = (from: number, to: number, pct: number) =>
  to + ((from - to) / 2) * (Math.cos(Math.PI * pct) + 1);

/**
 * The one-cycle rate of Smith and Topin's super-convergence (arXiv:1708.07120) exactly as PyTorch's
 * torch.optim.lr_scheduler.OneCycleLR computes it with anneal_strategy 'cos' and three_phase off:
 * a cosine rise from peak/25 to the peak over the first 30% of the steps, then a cosine fall to
 * peak/25/1e4 at the last step. tuomaso/train_mnist_fast uses it (its step 5: 4.66 s -> 3.14 s).
 */
export function oneCycle({
  peak,
  totalSteps,
  pctStart = 0.3,
  divFactor = 25,
  finalDivFactor = 1e4,
}: OneCycleOptions): LearningRateSchedule {
  if (!(peak > 0) || !Number.isFinite(peak))
    throw new Error(`oneCycle: the peak must be positive, got ${peak}`);
  if (!Number.isInteger(totalSteps) || totalSteps < 2)
    throw new Error(`oneCycle: needs at least 2 steps, got ${totalSteps}`);
  if (!(pctStart > 0 && pctStart < 1))
    throw new Error(`oneCycle: pctStart must be in (0, 1), got ${pctStart}`);
  const initial = peak / divFactor;
  const final = initial / finalDivFactor;
  const riseEnd = pctStart * totalSteps - 1;
  const last = totalSteps - 1;
  return (step) => {
    const s = Math.min(Math.max(step, 0), last);
    if (s <= riseEnd) return cosineBetween(initial, peak, riseEnd > 0 ? s / riseEnd : 1);
    return cosineBetween(peak, final, (s - riseEnd) / (last - riseEnd));
  };
}

/** A linear fall from `start` at step 0 to `end` at the last step (then held). */
export function linearDecay(start: number, end: number, totalSteps: number): LearningRateSchedule {
  if (!Number.isInteger(totalSteps) || totalSteps < 2)
    throw new Error(`linearDecay: needs at least 2 steps, got ${totalSteps}`);
  return (step) => start + (end - start) * Math.min(Math.max(step, 0) / (totalSteps - 1), 1);
}

/** The same rate at every step. */
export const constantRate =
  (rate: number): LearningRateSchedule =>
  () =>
    rate;
