// The downloads of the model that answers drawings, read from the worker when asked: TensorFlow.js's
// files (Dense stacks) and the PyTorch program's weights as safetensors (every model the app trains).
import type { DatasetIdentity } from '../data/datasetIdentity';
import type { DenseSpec, DenseStack, ExportedModel } from '../protocol/protocol';
import { optimizerName } from '../protocol/settings';
import type { TrainerClient } from './client';
import { layerWords } from './programs/torchModules';
import { toTfjs } from './tfjsFormat';
import { torchSafetensors } from './torchWeights';

type Exporter = Pick<TrainerClient, 'exportModel'>;

/** The model as a Dense stack, and what trained it; a model with other layers is refused, naming one. */
export function denseStackOf(model: ExportedModel): DenseStack {
  const layers: DenseSpec[] = [];
  let dropoutBefore: number | undefined;
  for (const layer of model.layers) {
    // On flat pixels Flatten changes nothing; a Dropout goes with the Dense after it.
    if (layer.kind === 'flatten') continue;
    if (layer.kind === 'dropout' && dropoutBefore === undefined) {
      dropoutBefore = layer.rate;
      continue;
    }
    // A BatchNormalization goes with the Dense before it (one each; its 4 arrays follow the bias).
    const before = layers.at(-1);
    if (layer.kind === 'batchNorm' && before && !before.batchNormAfter && dropoutBefore === undefined) {
      before.batchNormAfter = true;
      continue;
    }
    if (layer.kind !== 'dense')
      throw new Error(
        `TF.js export writes Dense stacks only, and this model has a ${layerWords(layer)} layer (Download weights (safetensors) takes any model).`,
      );
    layers.push({
      units: layer.units,
      activation: layer.activation,
      ...(dropoutBefore === undefined ? {} : { dropoutBefore }),
      ...(layer.kernelRegularizer ? { kernelRegularizer: layer.kernelRegularizer } : {}),
    });
    dropoutBefore = undefined;
  }
  const stack: DenseStack = {
    inputDim: model.inputShape.reduce((a, b) => a * b, 1),
    layers,
    weights: model.weights,
  };
  const { settings } = model;
  if (settings) {
    const { learningRate, momentum, nesterov } = settings;
    const sgdMomentum = settings.optimizer === 'sgd' && momentum > 0 ? { momentum, nesterov } : {};
    stack.trainedWith = { optimizer: optimizerName(settings), learningRate, ...sgdMomentum };
  }
  return stack;
}

/** model.json and its weights file. */
export async function tfjsDownload(client: Exporter): Promise<{ modelJson: string; weights: ArrayBuffer }> {
  return toTfjs(denseStackOf(await client.exportModel()));
}

/** The PyTorch program's weights; `dataset`: the imported data set in use, named in its metadata. */
export async function safetensorsDownload(
  client: Exporter,
  dataset: DatasetIdentity | null = null,
): Promise<Uint8Array> {
  return torchSafetensors(await client.exportModel(), dataset);
}
