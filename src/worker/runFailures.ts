// How a run fails: a divergence (with the rate to lower), a GPU error caught by its scopes, or
// anything else, each told to the page in words; and the checkpoint refused when it is not finite.
import { describeGpuError } from '../backend/webgpu/errorScopes';
import { type Sequential, TrainingDivergedError } from '../nn/sequential';
import type { Checkpoint, ErrorKind } from '../protocol/protocol';
import type { Settings } from '../protocol/settings';
import { isFiniteCheckpoint, takeCheckpoint } from './checkpoint';

const LOWER_RATE = 'The learning rate is probably too high: try a smaller one (the default is 0.001).';

/**
 * A checkpoint's weights, or an evaluation's loss, that are not finite. Training reports check the
 * loss before each step's update, so the update of an epoch's last step is caught only here.
 */
export function divergedIn(
  what: 'weights' | 'test loss' | 'validation loss',
  epoch: number,
): TrainingDivergedError {
  const subject = what === 'weights' ? 'The weights became' : `The ${what} became`;
  return new TrainingDivergedError(`${subject} NaN or infinite in epoch ${epoch}. ${LOWER_RATE}`);
}

/**
 * The model's checkpoint after `epoch` epochs (a stopped run's: part of the next), refused as a
 * divergence in `trainingEpoch` unless every number in it is finite.
 */
export async function takeFiniteCheckpoint(
  model: Sequential,
  settings: Settings,
  epoch: number,
  trainingEpoch: number,
): Promise<Checkpoint> {
  const checkpoint = await takeCheckpoint(model, settings, epoch, true);
  if (!isFiniteCheckpoint(checkpoint)) throw divergedIn('weights', trainingEpoch);
  return checkpoint;
}

/** A GPU error caught by a run's error scopes, or reported uncaptured while it ran. */
export class GpuRunError extends Error {
  constructor(error: GPUError) {
    super(describeGpuError(error));
  }
}

/** 0.001 as 0.001, 1e20 as 1e20 (not 100000000000000000000). */
function formatRate(rate: number): string {
  return rate >= 1e4 || rate < 1e-4 ? rate.toExponential().replace('e+', 'e') : String(rate);
}

/** What a failed run tells the page: diverged (with its rate), a GPU error, or anything else. */
export function describeFailure(failure: unknown, settings: Settings): [ErrorKind, string] {
  const message = (failure as Error).message;
  if (failure instanceof TrainingDivergedError)
    return ['diverged', `${message} This run's learning rate was ${formatRate(settings.learningRate)}.`];
  if (failure instanceof GpuRunError) return ['gpu', message];
  return ['training', `Training failed: ${message}`];
}
