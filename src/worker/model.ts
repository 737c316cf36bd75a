// The network the app trains: the book's Dense(hidden, relu) → Dense(10, softmax) with RMSprop (or
// the optimizer of settings.optimizer, SGD with settings.momentum), or (model 'convnet') the layer
// stack of settings.layers, by default the book's ConvNet.
import type { Backend } from '../backend/backend';
import { CLASSES, PIXELS } from '../data/mnist';
import { buildLayers } from '../nn/architecture';
import { Dense } from '../nn/dense';
import type { Optimizer } from '../nn/optimizer';
import { optimizerOf } from '../nn/optimizers';
import { Sequential } from '../nn/sequential';
import { type LayerSpec, specsFromText } from '../protocol/layers';
import type { Settings } from '../protocol/settings';

/** Images per batch when evaluating on the test set. */
export const EVAL_BATCH = 1000;

/** A compiled model (with its optimizer) and fresh (seeded) weights on `backend`. */
export function buildModel(backend: Backend, settings: Settings): Sequential {
  const model = new Sequential(
    settings.model === 'convnet'
      ? buildLayers(convnetSpecs(settings))
      : [
          new Dense(settings.hidden, { activation: 'relu', inputShape: [PIXELS] }),
          new Dense(CLASSES, { activation: 'softmax' }),
        ],
  );
  model.compile({
    backend,
    optimizer: optimizerFor(settings),
    loss: 'categoricalCrossentropy',
    seed: settings.seed,
  });
  return model;
}

/**
 * The settings' optimizer, with Keras's defaults but the learning rate and SGD's momentum (none: a
 * run saved before the setting existed, which had RMSprop, or plain SGD).
 */
export function optimizerFor(
  settings: Pick<Settings, 'optimizer' | 'learningRate' | 'momentum' | 'nesterov'>,
): Optimizer {
  const optimizer = settings.optimizer ?? 'rmsprop';
  const sgd =
    optimizer === 'sgd' ? { momentum: settings.momentum ?? 0, nesterov: settings.nesterov === true } : {};
  return optimizerOf(optimizer, settings.learningRate, sgd);
}

/** The ConvNet's hidden layers (settings are validated, so the text parses). */
export function convnetSpecs(settings: Settings): LayerSpec[] {
  const { specs, error } = specsFromText(settings.layers);
  if (!specs) throw new Error(`layers: ${error}`);
  return specs;
}
