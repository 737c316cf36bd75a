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
