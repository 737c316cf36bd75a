// The optimizers both sides name: their kinds, as Keras spells them, and Keras's default rates.
// src/nn/ builds them (optimizers.ts); the settings form and links choose among them.
/** The optimizers there are, by the name settings and links use. */
export type OptimizerKind = 'sgd' | 'rmsprop' | 'adam';
export const OPTIMIZER_KINDS: OptimizerKind[] = ['sgd', 'rmsprop', 'adam'];

/** Keras's default learning rate of each (keras.optimizers.SGD, RMSprop, Adam). */
export const DEFAULT_LEARNING_RATES: Record<OptimizerKind, number> = {
  sgd: 0.01,
  rmsprop: 0.001,
  adam: 0.001,
};

/** As Keras spells them: SGD, RMSprop, Adam. */
export const OPTIMIZER_NAMES: Record<OptimizerKind, string> = {
  sgd: 'SGD',
  rmsprop: 'RMSprop',
  adam: 'Adam',
};

/**
 * The one rule for a learning rate, wherever it comes from (the form, a link, a live change, a saved
 * run, the rate finder): at least 1e-6, and any rate the GPU can hold (a float32; a rate too high is
 * caught when the loss stops being finite). Optimizer.setLearningRate applies it.
 */
export const LEARNING_RATE_RANGE = { min: 1e-6, max: 1e38 } as const;
export const LEARNING_RATE_ERROR = 'Learning rate must be between 0.000001 and 1e38.';

/** Null for a usable learning rate, else the message that says why not. */
export function learningRateError(learningRate: number): string | null {
  const { min, max } = LEARNING_RATE_RANGE;
  return learningRate >= min && learningRate <= max ? null : LEARNING_RATE_ERROR;
}
