// The Speedrun preset's messages ("Reach 99% as fast as your GPU can"), and the published figures
// the page shows beside the time, each with the hardware it was measured on. docs/speedrun.md.

/** One evaluation of the test set during the timed run (nn/timeToAccuracy.ts's TimedEvaluation). */
export interface TimedEvaluation {
  step: number;
  accuracy: number;
  /** Seconds since the first training step, this evaluation included. */
  seconds: number;
}

/** Page -> worker: time the speedrun recipe (src/nn/speedrunRecipes.ts) on this device. */
export interface SpeedrunRequest {
  type: 'speedrun';
  seed: number;
  /** A test's tiny run: a lower target, fewer steps, fewer training images (absent: the recipe's). */
  target?: number;
  maxSteps?: number;
  train?: number;
  /** Test images evaluated (absent: all 10,000, the metric's). */
  test?: number;
}

/** Worker -> page: where the speedrun is; sent at each phase and each evaluation. */
export interface SpeedrunProgress {
  type: 'speedrunProgress';
  phase: 'warmUp' | 'running' | 'done';
  target: number;
  adapter: string;
  fallback: boolean;
  /** Compiling the pipelines, timed apart (the data was on the device already). */
  warmUpSeconds: number | null;
  evaluations: TimedEvaluation[];
  /** Time to the target; null until reached, and for a run that ended without reaching it. */
  seconds: number | null;
  /** True when this was the recipe as published here (no test overrides): only those count as a best time. */
  fullRecipe: boolean;
  error: string | null;
}

export interface PublishedFigure {
  what: string;
  seconds: number;
  spread?: number;
  hardware: string;
  source: string;
}

export const PUBLISHED_FIGURES: PublishedFigure[] = [
  {
    what: 'MNIST to 99% (mean accuracy of 1 epoch), PyTorch, data preloaded on the GPU',
    seconds: 0.762,
    spread: 0.025,
    hardware: 'laptop NVIDIA GTX 1660 Ti',
    source: 'https://github.com/tuomaso/train_mnist_fast',
  },
  {
    what: 'CIFAR-10 to 94% (a harder task, for context; airbench94_compiled, mean accuracy 94.01%), PyTorch, warm-up run excluded',
    seconds: 3.29,
    hardware: 'one NVIDIA A100',
    source: 'https://github.com/KellerJordan/cifar10-airbench',
  },
];

/** The answer to a speedrun that cannot start now (no device or data yet, or a run going on). */
export function speedrunRefused(adapter: string, error: string): SpeedrunProgress {
  return {
    type: 'speedrunProgress',
    phase: 'done',
    target: 0.99,
    adapter,
    fallback: false,
    warmUpSeconds: null,
    evaluations: [],
    seconds: null,
    fullRecipe: false,
    error,
  };
}
