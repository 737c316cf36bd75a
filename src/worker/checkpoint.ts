// Taking and restoring checkpoints (protocol.ts says what one holds), and the CPU stand-in that
// answers drawings from one while there is no GPU.
import type { Backend } from '../backend/backend';
import { CpuBackend } from '../backend/cpu/cpuBackend';
import type { Sequential } from '../nn/sequential';
import type { Checkpoint } from '../protocol/protocol';
import type { Settings } from '../protocol/settings';
import { buildModel } from './model';

/** Reads the model's weights and its optimizer's state back from the device. */
export async function takeCheckpoint(
  model: Sequential,
  settings: Settings,
  epoch: number,
  trained: boolean,
): Promise<Checkpoint> {
  const { optimizer } = model;
  const iterations = optimizer.iterations;
  const trainable = new Set(model.parameters);
  const [weights, optimizerState] = await Promise.all([
    model.getWeights(),
    Promise.all(
      // One entry per weight; BatchNormalization's moving statistics are not trained: null.
      model.weights.map((p) => {
        if (!trainable.has(p)) return null;
        const state = optimizer.state(p);
        return state ? Promise.all(state.map((s) => p.backend.read(s, p.size))) : null;
      }),
    ),
  ]);
  return { settings, epoch, trained, weights, optimizerState, iterations };
}

/** Every weight and every optimizer state is a number: only such a checkpoint is kept, saved or rolled back to. */
export function isFiniteCheckpoint(checkpoint: Checkpoint): boolean {
  const arrays = [...checkpoint.weights, ...checkpoint.optimizerState.flatMap((s) => s ?? [])];
  return arrays.every((values) => values.every(Number.isFinite));
}

/**
 * Writes a checkpoint into a model built with the same settings, on any backend: weights, the
 * optimizer's arrays, its step count (Adam's bias correction goes on where it was) and the learning
 * rate in effect then (a resumed or recovered run trains on at it). Throws,
 * saying why, when the optimizer's arrays do not fit (its settings name another optimizer).
 */
export function restoreCheckpoint(backend: Backend, model: Sequential, checkpoint: Checkpoint): void {
  model.setWeights(checkpoint.weights);
  const { optimizer } = model;
  model.weights.forEach((p, i) => {
    const state = checkpoint.optimizerState[i]; // null for a weight that is not trained
    if (state && state.length > 0) optimizer.setState(backend, p, state);
  });
  optimizer.iterations = checkpoint.iterations;
  optimizer.setLearningRate(learningRateAt(checkpoint));
}

/** The learning rate in effect when the checkpoint was taken: the last change, else the settings'. */
export function learningRateAt(checkpoint: Pick<Checkpoint, 'settings' | 'rateChanges'>): number {
  return checkpoint.rateChanges?.at(-1)?.rate ?? checkpoint.settings.learningRate;
}

/** The checkpoint as a model on the CPU backend: slow to train, but plenty for one drawing. */
export function modelOnCpu(checkpoint: Checkpoint): Sequential {
  const model = buildModel(new CpuBackend(), checkpoint.settings);
  model.setWeights(checkpoint.weights);
  return model;
}
