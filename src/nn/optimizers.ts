import type { SgdHyper } from '../backend/backend';
import { Adam } from './adam';
import type { Optimizer, OptimizerKind } from './optimizer';
import { RMSprop } from './rmsprop';
import { SGD } from './sgd';

/** SGD's own options; the other optimizers take none (Keras's momentum 0 and nesterov false by default). */
export type SgdOptions = Partial<Pick<SgdHyper, 'momentum' | 'nesterov'>>;

/**
 * An optimizer by name, with Keras's defaults but the learning rate and, for SGD, its momentum
 * (the app's settings, the scripts' flags). Throws when another optimizer is given momentum.
 */
export function optimizerOf(kind: OptimizerKind, learningRate: number, sgd: SgdOptions = {}): Optimizer {
  if (kind !== 'sgd' && ((sgd.momentum ?? 0) !== 0 || sgd.nesterov === true))
    throw new Error(`momentum and nesterov are SGD's options; ${kind} takes neither`);
  switch (kind) {
    case 'sgd':
      return new SGD({ learningRate, ...sgd });
    case 'adam':
      return new Adam({ learningRate });
    case 'rmsprop':
      return new RMSprop({ learningRate });
  }
}
