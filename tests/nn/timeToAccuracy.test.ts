import { describe, expect, it } from 'vitest';
import { linearDecay, oneCycle } from '../../src/nn/learningRateSchedule';
import { evaluatesAfter, MLP_RECIPE, SPEEDRUN_RECIPE } from '../../src/nn/speedrunRecipes';
import {
  firstReaching,
  formatSummary,
  type SeedRun,
  summarizeRuns,
  timeRatio,
} from '../../src/nn/timeToAccuracy';

const run = (seed: number, seconds: number | null, warmUpSeconds = 0): SeedRun => ({
  seed,
  seconds,
  steps: 100,
  warmUpSeconds,
  evaluations: [],
});

describe('time to accuracy', () => {
  it('takes the first evaluation that reaches the target, not the best one', () => {
    const evaluations = [
      { step: 100, accuracy: 0.985, seconds: 1 },
      { step: 200, accuracy: 0.9901, seconds: 2 },
      { step: 300, accuracy: 0.995, seconds: 3 },
    ];
    expect(firstReaching(evaluations, 0.99)?.seconds).toBe(2);
    expect(firstReaching(evaluations, 0.999)).toBeNull();
  });

  it('counts a miss as a miss: never dropped, named, and kept out of the mean', () => {
    const s = summarizeRuns([run(1, 2), run(2, null), run(3, 4), run(4, 3), run(5, null)], 0.99);
    expect(s.runs).toBe(5);
    expect(s.reached).toBe(3);
    expect(s.misses).toBe(2);
    expect(s.missedSeeds).toEqual([2, 5]);
    expect(s.meanSeconds).toBeCloseTo(3);
    expect(s.spreadSeconds).toBeCloseTo(1); // sample standard deviation of 2, 3, 4
    expect(s.bestSeconds).toBe(2);
    expect(formatSummary(s)).toBe('to 99%: 3.00 s ± 1.00 (3 of 5 seeds; missed: seed 2, 5)');
  });

  it('says "never reached" when every seed missed, and has no ratio then', () => {
    const missed = summarizeRuns([run(1, null), run(2, null)], 0.98);
    expect(missed.meanSeconds).toBeNull();
    expect(formatSummary(missed)).toBe('to 98%: never reached (0 of 2 seeds; missed: seed 1, 2)');
    const hit = summarizeRuns([run(1, 2)], 0.98);
    expect(timeRatio(missed, hit)).toBeNull();
    expect(timeRatio(hit, missed)).toBeNull();
  });

  it('reports the warm-up apart and the ratio of mean times', () => {
    const ours = summarizeRuns([run(1, 6, 2), run(2, 6)], 0.98);
    const peer = summarizeRuns([run(1, 2, 1), run(2, 4)], 0.98);
    expect(ours.warmUpSeconds).toBe(2);
    expect(timeRatio(ours, peer)).toBeCloseTo(2);
    expect(formatSummary(ours)).toBe('to 98%: 6.00 s ± 0.00 (2 of 2 seeds), warm-up 2.00 s apart');
  });
});

describe('learning-rate schedules', () => {
  it("oneCycle is PyTorch's OneCycleLR (cos, defaults) at the steps torch 1.13 printed", () => {
    // torch.optim.lr_scheduler.OneCycleLR(max_lr=0.01, total_steps=470, cycle_momentum=False)
    const rate = oneCycle({ peak: 0.01, totalSteps: 470 });
    const torch: [number, number][] = [
      [0, 0.0003999999999999993],
      [1, 0.0004012084722759667],
      [70, 0.0052],
      [140, 0.01],
      [141, 0.009999772048255069],
      [300, 0.005214803590608374],
      [469, 4e-8],
    ];
    for (const [step, expected] of torch) expect(rate(step)).toBeCloseTo(expected, 12);
  });

  it('linearDecay falls from start to end and holds', () => {
    const rate = linearDecay(1, 0, 11);
    expect(rate(0)).toBe(1);
    expect(rate(5)).toBeCloseTo(0.5);
    expect(rate(10)).toBe(0);
    expect(rate(50)).toBe(0);
  });

  it('refuses a schedule it cannot make, in words', () => {
    expect(() => oneCycle({ peak: 0, totalSteps: 10 })).toThrow(/peak must be positive/);
    expect(() => oneCycle({ peak: 0.1, totalSteps: 1 })).toThrow(/at least 2 steps/);
  });
});

describe('the recipes evaluate late only', () => {
  it("the book's MLP at each epoch's end; the speedrun also every 50 steps in its second half", () => {
    const mlp = [469, 938].map((s) => evaluatesAfter(MLP_RECIPE, 60000, s));
    expect(mlp).toEqual([true, true]);
    expect(evaluatesAfter(MLP_RECIPE, 60000, 400)).toBe(false);
    // 235 steps an epoch, 470 in all: from step 235 on.
    const late = [50, 200, 235, 250, 300, 450, 470].filter((s) => evaluatesAfter(SPEEDRUN_RECIPE, 60000, s));
    expect(late).toEqual([235, 250, 300, 450, 470]);
  });
});
