// What the generated programs need to know about a run, read once from its settings: the layers
// (the output layer included), how the images are shaped for them, and a one-line summary.
import { BOOK_CONVNET, type LayerSpec, layerName, specsFromText } from '../../protocol/layers';
import { optimizerSummary, type Settings, trainingImages } from '../../protocol/settings';

export interface RunDescription {
  /** The hidden layers, in order; the output layer Dense(10, softmax) always follows. */
  hidden: LayerSpec[];
  /** True when the first layer takes 28×28×1 images, false when it takes 784 flat pixels. */
  imageInput: boolean;
  /** "Dense(512, relu) → Dense(10, softmax)". */
  modelLine: string;
  /** "RMSprop (lr 0.001), 5 epochs of 60,000 images, batch 128"; "SGD with momentum 0.9 (lr 0.01), ...". */
  trainingLine: string;
}

export function describeRun(settings: Settings): RunDescription {
  const hidden: LayerSpec[] =
    settings.model === 'convnet'
      ? (specsFromText(settings.layers).specs ?? BOOK_CONVNET)
      : [{ kind: 'dense', units: settings.hidden }];
  const imageInput = hidden.length > 0 && hidden[0].kind !== 'dense';
  const modelLine = [...hidden.map(layerName), 'Dense(10, softmax)'].join(' → ');
  const images = trainingImages(settings).toLocaleString('en-US');
  const epochs = `${settings.epochs} epoch${settings.epochs === 1 ? '' : 's'}`;
  const trainingLine = `${optimizerSummary(settings)} (lr ${settings.learningRate}), ${epochs} of ${images} images, batch ${settings.batchSize}`;
  return { hidden, imageInput, modelLine, trainingLine };
}
