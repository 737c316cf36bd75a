// The model as the PyTorch program's state_dict in a safetensors file ("Download weights
// (safetensors)"): each tensor named by the program's module ("0.weight"), in PyTorch's layout, and
// the run's settings and data set in the file's metadata. The program (programs/torchProgram.ts)
// loads it with model.load_state_dict after checking the metadata names its own model.
import { DATASET_FILE_ROLES, type DatasetIdentity } from '../data/datasetIdentity';
import type { ExportedModel } from '../protocol/protocol';
import { describeRun } from './programs/runDescription';
import { modelWords, torchModules, type WeightLayout } from './programs/torchModules';
import { type NamedTensor, toSafetensors } from './safetensors';

export const SAFETENSORS_FILE = 'model.safetensors';

/** A Keras kernel in PyTorch's layout (the shapes are checked by the caller). */
function torchWeight(
  layout: Exclude<WeightLayout, { kind: 'batchNorm' }>,
  kernel: Float32Array,
): { shape: number[]; data: Float32Array } {
  const data = new Float32Array(kernel.length);
  if (layout.kind === 'conv') {
    const { inChannels, filters } = layout;
    for (let o = 0; o < filters; o++)
      for (let i = 0; i < inChannels; i++)
        for (let k = 0; k < 9; k++)
          data[(o * inChannels + i) * 9 + k] = kernel[(k * inChannels + i) * filters + o];
    return { shape: [filters, inChannels, 3, 3], data };
  }
  const { inputs, units, flattened } = layout;
  // Keras's input row for PyTorch's input column j: (channel, pixel) → (pixel, channel).
  const [pixels, channels] = flattened ? [flattened[0] * flattened[1], flattened[2]] : [inputs, 1];
  for (let j = 0; j < inputs; j++) {
    const row = (j % pixels) * channels + Math.floor(j / pixels);
    for (let u = 0; u < units; u++) data[u * inputs + j] = kernel[row * units + u];
  }
  return { shape: [units, inputs], data };
}

/** The tensors of the PyTorch program's model.state_dict() for this model. */
export function torchStateDict(model: ExportedModel): NamedTensor[] {
  const tensors: NamedTensor[] = [];
  let next = 0;
  torchModules(model.inputShape, model.layers).forEach(({ weights: layout }, index) => {
    if (!layout) return;
    if (layout.kind === 'batchNorm') {
      tensors.push(...batchNormTensors(index, layout.channels, model.weights.slice(next, next + 4)));
      next += 4;
      return;
    }
    const [kernel, bias] = model.weights.slice(next, next + 2);
    next += 2;
    const expected =
      layout.kind === 'conv'
        ? [9 * layout.inChannels * layout.filters, layout.filters]
        : [layout.inputs * layout.units, layout.units];
    if (kernel?.length !== expected[0] || bias?.length !== expected[1])
      throw new Error(
        `The weights of module ${index} do not have the sizes its layer needs (${expected.join(' and ')}).`,
      );
    tensors.push({ name: `${index}.weight`, ...torchWeight(layout, kernel) });
    tensors.push({ name: `${index}.bias`, shape: [bias.length], data: bias });
  });
  if (next !== model.weights.length)
    throw new Error(`The model has ${model.weights.length} weight arrays; its layers take ${next}.`);
  return tensors;
}

/** BatchNorm's tensors from Keras's gamma, beta, moving_mean, moving_variance (same layout). */
function batchNormTensors(index: number, channels: number, arrays: Float32Array[]): NamedTensor[] {
  if (arrays.length !== 4 || arrays.some((a) => a.length !== channels))
    throw new Error(`The weights of module ${index} are not 4 arrays of ${channels} (BatchNormalization).`);
  return ['weight', 'bias', 'running_mean', 'running_var'].map((name, i) => ({
    name: `${index}.${name}`,
    shape: [channels],
    data: arrays[i],
  }));
}

/** The file's metadata: strings only, as the format requires; `dataset`: an imported one in use. */
export function torchMetadata(
  model: ExportedModel,
  dataset: DatasetIdentity | null = null,
): Record<string, string> {
  const { settings } = model;
  const flat = model.inputShape.length === 1;
  return {
    // What Hugging Face's loaders look for in PyTorch weights.
    format: 'pt',
    generated_by: 'Digits on WebGPU',
    model: modelWords(model.layers),
    input: `MNIST images, pixel / 255 in [0, 1], shaped [batch, ${flat ? model.inputShape[0] : `1, ${model.inputShape[0]}, ${model.inputShape[1]}`}]`,
    ...(settings
      ? {
          dataset: dataset
            ? datasetWords(dataset, settings.train)
            : `MNIST from the app's IDX files (mnist/train-images-idx3-ubyte.gz and the rest): the first ${settings.train} training images; tested on the 10000 test images`,
          training: describeRun(settings).trainingLine + (settings.augment ? ', augmented images' : ''),
          settings: JSON.stringify(settings),
        }
      : { dataset: 'unknown: an imported model' }),
  };
}

/** An imported data set in the metadata: its name, classes, and each file with its SHA-256. */
function datasetWords(dataset: DatasetIdentity, train: number): string {
  const files = DATASET_FILE_ROLES.map(
    (role) => `${dataset.files[role].file} (SHA-256 ${dataset.files[role].sha256})`,
  );
  const images = Math.min(train, dataset.trainCount);
  return `${dataset.name}, imported (classes ${dataset.classNames.join(', ')}), from ${files.join(', ')}: the first ${images} training images; tested on the ${dataset.testCount} test images`;
}

/** The safetensors file of this model for the PyTorch program. */
export function torchSafetensors(model: ExportedModel, dataset: DatasetIdentity | null = null): Uint8Array {
  return toSafetensors(torchStateDict(model), torchMetadata(model, dataset));
}
