// The network the app trains: the book's Dense(hidden, relu) → Dense(10, softmax) with RMSprop,
// or (model 'convnet') the layer stack of settings.layers, by default the book's ConvNet.
import type { Backend } from '../backend/backend';
import { CLASSES, PIXELS } from '../data/mnist';
import { buildLayers, type LayerSpec, specsFromText } from '../nn/architecture';
import { Dense } from '../nn/dense';
import { type RMSprop, rmsprop } from '../nn/rmsprop';
import { Sequential } from '../nn/sequential';
import type { Settings } from './settings';

/** Images per batch when evaluating on the test set. */
export const EVAL_BATCH = 1000;

export interface Model {
  model: Sequential;
  optimizer: RMSprop;
}

/** A compiled model with fresh (seeded) weights on `backend`. */
export function buildModel(backend: Backend, settings: Settings): Model {
  const model = new Sequential(
    settings.model === 'convnet'
      ? buildLayers(convnetSpecs(settings))
      : [
          new Dense(settings.hidden, { activation: 'relu', inputShape: [PIXELS] }),
          new Dense(CLASSES, { activation: 'softmax' }),
        ],
  );
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

/** The ConvNet's hidden layers (settings are validated, so the text parses). */
export function convnetSpecs(settings: Settings): LayerSpec[] {
  const { specs, error } = specsFromText(settings.layers);
  if (!specs) throw new Error(`layers: ${error}`);
  return specs;
}
