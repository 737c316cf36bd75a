// The network the app trains: the book's Dense(hidden, relu) → Dense(10, softmax) with RMSprop.
import type { Backend } from '../backend/backend';
import { Dense } from '../nn/dense';
import { type RMSprop, rmsprop } from '../nn/rmsprop';
import { Sequential } from '../nn/sequential';
import type { Settings } from './settings';

export const PIXELS = 784;
export const CLASSES = 10;
/** Images per batch when evaluating on the test set. */
export const EVAL_BATCH = 1000;

export interface Model {
  model: Sequential;
  optimizer: RMSprop;
}

/** A compiled model with fresh (seeded) weights on `backend`. */
export function buildModel(backend: Backend, settings: Settings): Model {
  const model = new Sequential([
    new Dense(settings.hidden, { activation: 'relu', inputShape: [PIXELS] }),
    new Dense(CLASSES, { activation: 'softmax' }),
  ]);
  const optimizer = rmsprop({ learningRate: settings.learningRate });
  model.compile({
    backend,
    optimizer,
    loss: 'categoricalCrossentropy',
    metrics: ['accuracy'],
    seed: settings.seed,
  });
  return { model, optimizer };
}
