import { Adam } from './adam';
import type { Optimizer, OptimizerKind } from './optimizer';
import { RMSprop } from './rmsprop';
import { SGD } from './sgd';

/** An optimizer by name, with Keras's defaults but the learning rate (the app's settings, the scripts' flags). */
export function optimizerOf(kind: OptimizerKind, learningRate: number): Optimizer {
  switch (kind) {
    case 'sgd':
      return new SGD({ learningRate });
    case 'adam':
      return new Adam({ learningRate });
    case 'rmsprop':
      return new RMSprop({ learningRate });
  }
}
