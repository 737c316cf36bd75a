import { describe, expect, it } from 'vitest';
import { DEFAULT_SWEEP, RateFinderTrace, rateAt, suggestRate } from '../../src/nn/rateFinder';

/** A textbook range-test curve: flat at ln 10, falling between 1e-4 and 1e-2, blowing up past 1. */
function syntheticLoss(rate: number): number {
  const x = Math.log10(rate);
  if (x < -4) return 2.3;
  if (x < -2) return 2.3 - 1.0 * (x + 4); // falls 1.0 per decade: steepest here
  if (x < 0) return 0.3;
  return 0.3 * 10 ** (3 * x);
}

describe('the learning-rate range test', () => {
  it('raises the rate exponentially from the smallest to the largest', () => {
    expect(rateAt(DEFAULT_SWEEP, 0)).toBeCloseTo(1e-6, 12);
    expect(rateAt(DEFAULT_SWEEP, DEFAULT_SWEEP.steps - 1)).toBeCloseTo(10, 9);
    const ratio = rateAt(DEFAULT_SWEEP, 1) / rateAt(DEFAULT_SWEEP, 0);
    expect(rateAt(DEFAULT_SWEEP, 51) / rateAt(DEFAULT_SWEEP, 50)).toBeCloseTo(ratio, 9);
  });

  it('smooths the loss with a bias-corrected moving average: a constant loss stays itself', () => {
    const trace = new RateFinderTrace();
    for (let i = 0; i < 10; i++) trace.add(i, 2.5);
    for (const p of trace.points) expect(p.smoothed).toBeCloseTo(2.5, 12);
  });

  it('stops when the loss blows up, or stops being a number, or the sweep ends', () => {
    const trace = new RateFinderTrace();
    let step = 0;
    while (trace.add(step, syntheticLoss(rateAt(DEFAULT_SWEEP, step)))) step++;
    expect(trace.blownUp).toBe(true);
    expect(trace.points.length).toBeLessThan(DEFAULT_SWEEP.steps);
    expect(trace.points.at(-1)?.learningRate).toBeGreaterThan(1);

    const nan = new RateFinderTrace();
    expect(nan.add(0, 2.3)).toBe(true);
    expect(nan.add(1, Number.NaN)).toBe(false);
    expect(nan.blownUp).toBe(true);

    const short = new RateFinderTrace({ minRate: 1e-3, maxRate: 1e-2, steps: 3 });
    expect([0, 1, 2].map((i) => short.add(i, 1))).toEqual([true, true, false]);
    expect(short.blownUp).toBe(false);
  });

  it('suggests a rate where the loss falls fastest, before its minimum', () => {
    const trace = new RateFinderTrace();
    let step = 0;
    while (trace.add(step, syntheticLoss(rateAt(DEFAULT_SWEEP, step)))) step++;
    const suggestion = suggestRate(trace.points) as number;
    // The smoothing delays the curve a little: the steepest point sits in the falling decades.
    expect(suggestion).toBeGreaterThan(1e-4);
    expect(suggestion).toBeLessThan(1e-1);
  });

  it('suggests nothing when the loss never falls, or from too few points', () => {
    const rising = Array.from({ length: 20 }, (_, i) => ({
      learningRate: 10 ** (i - 10),
      loss: i,
      smoothed: i,
    }));
    expect(suggestRate(rising)).toBeNull();
    expect(suggestRate(rising.slice(0, 3))).toBeNull();
  });
});
