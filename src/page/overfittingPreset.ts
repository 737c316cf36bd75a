// The "Fight overfitting" lesson (the book's chapter 5): one model trained several ways on a small
// training set, measured on validation images held out of it, so that the training loss keeps
// falling while the validation loss turns back up; Dropout and L2 weight regularization narrow
// that gap. Pure: the runs it makes from the settings on screen.
import type { Settings } from '../protocol/settings';

/** Small enough to overfit within minutes here, as in the issue: 6,000 images, 20 epochs. */
export const OVERFITTING_LESSON = { train: 6000, validation: 10000, epochs: 20 } as const;

/** The model as an editable stack of layers (the dense model is Flatten, then its hidden layer). */
function stackOf(settings: Settings): string {
  return settings.model === 'convnet' ? settings.layers : `f,d${settings.hidden}`;
}

/**
 * The ways the model is trained: as it is, with Dropout 0.5, and with L2. Each maps the stack's text
 * to the regularized stack's.
 */
export const OVERFITTING_WAYS: ((layers: string) => string)[] = [
  (layers) => layers,
  // Dropout(0.5) after the hidden layers, as the book adds it (chapter 5).
  (layers) => `${layers},dr0.5`,
  // L2(0.002) on every Dense and Conv2D kernel, the book's factor (chapter 5).
  (layers) =>
    layers
      .split(',')
      .map((layer) => (/^[cd]\d/.test(layer) && !layer.includes('l2=') ? `${layer}:l2=0.002` : layer))
      .join(','),
];

/** The ways in words, in the same order. */
export const OVERFITTING_WAY_NAMES = ['no regularization', 'Dropout(0.5)', 'L2(0.002)'];

/**
 * The runs: the settings on screen, on the lesson's small training set and validation images
 * unless validation images are set there already (then the sizes on screen stand).
 */
export function overfittingRuns(settings: Settings): Settings[] {
  const sized = (settings.validation ?? 0) > 0 ? settings : { ...settings, ...OVERFITTING_LESSON };
  const layers = stackOf(sized);
  return OVERFITTING_WAYS.map((way) => ({ ...sized, model: 'convnet', layers: way(layers) }));
}
