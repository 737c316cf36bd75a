// Runs a time-to-accuracy recipe (speedrunRecipes.ts) on the engine and times it as
// timeToAccuracy.ts defines: the clock starts at the first training step and stops at the end of
// the first test-set evaluation that reaches the target. The warm-up is timed apart (warmUpFor).
import type { Backend } from '../backend/backend';
import { CLASSES, PIXELS } from '../data/mnist';
import { LEARNING_RATE_RANGE } from '../protocol/optimizers';
import { Adam } from './adam';
import { buildLayers } from './architecture';
import type { DeviceDataset } from './dataset';
import { Dense } from './dense';
import type { FitHold } from './fitOptions';
import type { Layer } from './layer';
import { oneCycle } from './learningRateSchedule';
import type { Optimizer } from './optimizer';
import { RMSprop } from './rmsprop';
import { Sequential } from './sequential';
import {
  evaluatesAfter,
  scheduleOf,
  stepsPerEpoch,
  type TimeToAccuracyRecipe,
  totalSteps,
} from './speedrunRecipes';
import type { SeedRun, TimedEvaluation } from './timeToAccuracy';
import { warmUp } from './warmUp';

export interface SpeedrunOptions {
  recipe: TimeToAccuracyRecipe;
  seed: number;
  /** Overrides the recipe's target (tests use a low one). */
  target?: number;
  /** Ends the run after this many steps (tests); the rate schedule then spans these steps. */
  maxSteps?: number;
  /** Seconds; performance.now() by default. */
  now?: () => number;
  /** Each evaluation as it is taken (the page shows progress). */
  onEvaluation?: (evaluation: TimedEvaluation) => void;
  /** Asked at each evaluation: true ends the run there (the page's Stop); the run is then a miss. */
  cancelled?: () => boolean;
}

export function optimizerFor(recipe: TimeToAccuracyRecipe): Optimizer {
  const { kind, learningRate, beta1, beta2 } = recipe.optimizer;
  return kind === 'adam' ? new Adam({ learningRate, beta1, beta2 }) : new RMSprop({ learningRate });
}

/** A dense stack reads flat rows of pixels (the sparse first-layer path, as the app's MLP); a ConvNet, images. */
function layersFor(recipe: TimeToAccuracyRecipe): Layer[] {
  const units = recipe.layers.flatMap((l) => (l.kind === 'dense' ? [l.units] : []));
  if (units.length < recipe.layers.length) return buildLayers(recipe.layers);
  const hidden = units.map(
    (u, i) => new Dense(u, { activation: 'relu', inputShape: i === 0 ? [PIXELS] : undefined }),
  );
  return [...hidden, new Dense(CLASSES, { activation: 'softmax' })];
}

export function modelFor(backend: Backend, recipe: TimeToAccuracyRecipe, seed: number): Sequential {
  const model = new Sequential(layersFor(recipe));
  model.compile({ backend, optimizer: optimizerFor(recipe), loss: 'categoricalCrossentropy', seed });
  return model;
}

const defaultNow = () => performance.now() / 1000;

/**
 * Compiles every pipeline the recipe's run uses, at its sizes, on a throwaway model: two training
 * steps and one evaluation. Returns the seconds it took (the warm-up, reported apart).
 */
export async function warmUpFor(
  backend: Backend,
  recipe: TimeToAccuracyRecipe,
  train: DeviceDataset,
  test: DeviceDataset,
  now: () => number = defaultNow,
): Promise<number> {
  const started = now();
  // The matmul variant for this adapter, as the app's warm-up picks it (src/nn/warmUp.ts).
  const hidden = recipe.layers.find((l) => l.kind === 'dense')?.units ?? 64;
  await warmUp(backend, PIXELS, recipe.batchSize, hidden, { compile: false });
  const model = modelFor(backend, recipe, 0);
  try {
    let steps = 0;
    const hold: FitHold = {
      requested: (step) => {
        steps = step;
        return step >= 2;
      },
      wait: async () => {
        model.stopTraining = true;
        return null;
      },
    };
    await model.fit(train, { epochs: 1, batchSize: recipe.batchSize, hold, logEvery: 1 << 30 });
    if (steps < 1) throw new Error('warm-up: no step was trained');
    await model.evaluate(test);
  } finally {
    model.dispose();
  }
  return now() - started;
}

/** One seed's timed run of the recipe. The model is freed at the end. */
export async function timeToAccuracy(
  backend: Backend,
  train: DeviceDataset,
  test: DeviceDataset,
  options: SpeedrunOptions,
): Promise<SeedRun> {
  const { recipe, seed, now = defaultNow } = options;
  const target = options.target ?? recipe.target;
  const fullSteps = totalSteps(recipe, train.count);
  const runSteps = Math.max(1, Math.min(options.maxSteps ?? fullSteps, fullSteps));
  const schedule =
    runSteps < fullSteps && recipe.schedule === 'oneCycle' && runSteps >= 2
      ? oneCycle({ peak: recipe.optimizer.learningRate, totalSteps: runSteps })
      : scheduleOf(recipe, train.count);
  const model = modelFor(backend, recipe, seed);
  const evaluations: TimedEvaluation[] = [];
  let started: number | null = null;
  let pending = -1;
  let lastEvaluated = -1;
  let reached: TimedEvaluation | null = null;
  const hold: FitHold = {
    requested: (step) => {
      started ??= now();
      // The optimizer reads its rate as each step is recorded: set it before the step.
      // One-cycle's last steps go under the engine's floor (peak/25/1e4): held at it, as the peer does.
      model.optimizer.setLearningRate(Math.max(schedule(step), LEARNING_RATE_RANGE.min));
      const evaluate =
        step !== lastEvaluated && (step >= runSteps || evaluatesAfter(recipe, train.count, step));
      if (evaluate) pending = step;
      return evaluate;
    },
    wait: async () => {
      lastEvaluated = pending;
      const { accuracy } = await model.evaluate(test);
      const evaluation = { step: pending, accuracy, seconds: now() - (started ?? now()) };
      evaluations.push(evaluation);
      options.onEvaluation?.(evaluation);
      if (accuracy >= target) reached = evaluation;
      if (reached || pending >= runSteps || options.cancelled?.()) model.stopTraining = true;
      return null;
    },
  };
  try {
    const epochs = Math.ceil(runSteps / stepsPerEpoch(recipe, train.count));
    await model.fit(train, { epochs, batchSize: recipe.batchSize, hold, logEvery: 1 << 30 });
  } finally {
    model.dispose();
  }
  const hit = reached as TimedEvaluation | null;
  return {
    seed,
    seconds: hit ? hit.seconds : null,
    steps: hit ? hit.step : (evaluations.at(-1)?.step ?? 0),
    warmUpSeconds: 0,
    evaluations,
  };
}
