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
  const [weights, meanSquares] = await Promise.all([
    model.getWeights(),
    Promise.all(
      model.parameters.map((p) => {
        const state = optimizer.state(p);
        return state ? p.backend.read(state, p.size) : null;
      }),
    ),
  ]);
  return { settings, epoch, trained, weights, meanSquares };
}

/** Every weight and every mean square is a number: only such a checkpoint is kept, saved or rolled back to. */
export function isFiniteCheckpoint(checkpoint: Checkpoint): boolean {
  const arrays = [...checkpoint.weights, ...checkpoint.meanSquares];
  return arrays.every((values) => !values || values.every(Number.isFinite));
}

/** Writes a checkpoint into a model built with the same settings, on any backend. */
export function restoreCheckpoint(backend: Backend, model: Sequential, checkpoint: Checkpoint): void {
  model.setWeights(checkpoint.weights);
  model.parameters.forEach((p, i) => {
    const meanSquare = checkpoint.meanSquares[i];
    if (meanSquare) model.optimizer.setState(backend, p, meanSquare);
  });
}

/** The checkpoint as a model on the CPU backend: slow to train, but plenty for one drawing. */
export function modelOnCpu(checkpoint: Checkpoint): Sequential {
  const model = buildModel(new CpuBackend(), checkpoint.settings);
  model.setWeights(checkpoint.weights);
  return model;
}
