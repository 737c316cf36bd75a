// The model that answers drawings as the page's downloads need it: its layers in Keras's words and
// its weights read off the device. The page writes the files (TF.js, safetensors) from this.
import { BatchNormalization } from '../nn/batchNormalization';
import { Conv2D } from '../nn/conv2d';
import { Dense } from '../nn/dense';
import { Dropout } from '../nn/dropout';
import type { Sequential } from '../nn/sequential';
import type { ExportedLayer, ExportedModel } from '../protocol/protocol';
import type { Settings } from '../protocol/settings';

function exportedLayer(layer: Sequential['layers'][number]): ExportedLayer {
  const r = layer.kernelRegularizer ? { kernelRegularizer: { ...layer.kernelRegularizer } } : {};
  if (layer instanceof Dense)
    return { kind: 'dense', units: layer.units, activation: layer.activation, ...r };
  if (layer instanceof Conv2D)
    return { kind: 'conv', filters: layer.filters, activation: layer.activation, ...r };
  if (layer.kind === 'MaxPooling2D') return { kind: 'pool' };
  if (layer.kind === 'Flatten') return { kind: 'flatten' };
  if (layer instanceof Dropout) return { kind: 'dropout', rate: layer.rate };
  if (layer instanceof BatchNormalization) return { kind: 'batchNorm' };
  throw new Error(`Export does not know the layer ${layer.kind}.`);
}

/** `settings`: what the model was built with (null for an imported one). */
export async function exportedModelOf(model: Sequential, settings: Settings | null): Promise<ExportedModel> {
  return {
    inputShape: [...model.inputShape],
    layers: model.layers.map(exportedLayer),
    weights: await model.getWeights(),
    settings,
  };
}
