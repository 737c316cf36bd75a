// Weights and optimizer state copied off the GPU: what survives a lost device, what a diverged run
// goes back to, and what the drawing pad uses on the CPU while there is no GPU.
import type { Backend } from '../backend/backend';
import { CpuBackend } from '../backend/cpu/cpuBackend';
import { buildModel, type Model } from './model';
import type { Settings } from './settings';

export interface Checkpoint {
  settings: Settings;
  /** Epochs the weights had trained when it was taken (0: the start of a run, or no run). */
  epoch: number;
  /** false for the seeded initial weights of a model that never trained. */
  trained: boolean;
  weights: Float32Array[];
  /** RMSprop's mean squares per parameter; null before its first step. */
  meanSquares: (Float32Array | null)[];
}

/** Reads the model's weights and its optimizer's state back from the device. */
export async function takeCheckpoint(
  { model, optimizer }: Model,
  settings: Settings,
  epoch: number,
  trained: boolean,
): Promise<Checkpoint> {
  const params = model.parameters;
  const [weights, meanSquares] = await Promise.all([
    model.getWeights(),
    Promise.all(
      params.map((p) => {
        const state = optimizer.state(p);
        return state ? p.backend.read(state, p.size) : null;
      }),
    ),
  ]);
  return { settings, epoch, trained, weights, meanSquares };
}

/** Writes a checkpoint into a model built with the same settings, on any backend. */
export function restoreCheckpoint(
  backend: Backend,
  { model, optimizer }: Model,
  checkpoint: Checkpoint,
): void {
  model.setWeights(checkpoint.weights);
  model.parameters.forEach((p, i) => {
    const meanSquare = checkpoint.meanSquares[i];
    if (meanSquare) optimizer.setState(backend, p, meanSquare);
  });
}

/** The checkpoint as a model on the CPU backend: slow to train, but plenty for one drawing. */
export function modelOnCpu(checkpoint: Checkpoint): Model {
  const backend = new CpuBackend();
  const model = buildModel(backend, checkpoint.settings);
  model.model.setWeights(checkpoint.weights);
  return model;
}
