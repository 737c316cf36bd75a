// The TensorFlow.js Layers format (model.json + a binary weights file), for Dense stacks: what
// tf.loadLayersModel reads, what tfjs model.save() and the Keras converter (tensorflowjs_converter)
// write. DOM-free, so Node tests use it with @tensorflow/tfjs itself.
// Format: https://www.tensorflow.org/js/guide/save_load#what_is_saved

import { CLASSES, PIXELS } from '../data/mnist';
import type { Activation } from '../protocol/layers';
import type { DenseSpec, DenseStack } from '../protocol/protocol';
import { batchNormJson, batchNormWeights } from './tfjsBatchNorm';
import { checkDepth, checkShape, fail, isObject, own, show } from './tfjsChecks';
import { findWeight, readWeights } from './tfjsWeights';

export type { DenseSpec, DenseStack } from '../protocol/protocol';
export { ModelFormatError } from './tfjsChecks';
export { importTooLarge, MAX_IMPORT_BYTES } from './tfjsWeights';

export const MODEL_FILE = 'model.json';
export const WEIGHTS_FILE = 'model.weights.bin';

interface WeightEntry {
  name: string;
  shape: number[];
  dtype: string;
  quantization?: unknown;
}
interface LayerJson {
  class_name: string;
  config: Record<string, unknown>;
}

const layerName = (i: number) => (i === 0 ? 'dense' : `dense_${i}`);

/** model.json and the weights file of a Dense stack, as tf.loadLayersModel expects them. */
export function toTfjs(stack: DenseStack): { modelJson: string; weights: ArrayBuffer } {
  const manifest: WeightEntry[] = [];
  let width = stack.inputDim;
  const layers: LayerJson[] = stack.layers.flatMap((layer, i) => {
    const name = layerName(i);
    const first = i === 0 ? { batch_input_shape: [null, stack.inputDim] } : {};
    const dropout = layer.dropoutBefore === undefined ? [] : [dropoutJson(layer.dropoutBefore, i, first)];
    manifest.push({ name: `${name}/kernel`, shape: [width, layer.units], dtype: 'float32' });
    manifest.push({ name: `${name}/bias`, shape: [layer.units], dtype: 'float32' });
    width = layer.units;
    const dense = {
      class_name: 'Dense',
      config: {
        units: layer.units,
        activation: layer.activation,
        use_bias: true,
        kernel_initializer: { class_name: 'GlorotUniform', config: { seed: null } },
        bias_initializer: { class_name: 'Zeros', config: {} },
        kernel_regularizer: layer.kernelRegularizer
          ? { class_name: 'L1L2', config: { ...layer.kernelRegularizer } }
          : null,
        bias_regularizer: null,
        activity_regularizer: null,
        kernel_constraint: null,
        bias_constraint: null,
        name,
        trainable: true,
        dtype: 'float32',
        ...(dropout.length === 0 ? first : {}),
      },
    };
    if (!layer.batchNormAfter) return [...dropout, dense];
    const batchNorm = batchNormJson(i, layer.units);
    manifest.push(...batchNorm.manifest);
    return [...dropout, dense, batchNorm.layer];
  });
  const total = stack.weights.reduce((n, w) => n + w.length, 0);
  const bytes = new Float32Array(total);
  let offset = 0;
  for (const w of stack.weights) {
    bytes.set(w, offset);
    offset += w.length;
  }
  const model = {
    format: 'layers-model',
    generatedBy: 'Digits on WebGPU',
    convertedBy: null,
    modelTopology: {
      class_name: 'Sequential',
      config: { name: 'sequential', layers },
      keras_version: 'tfjs-layers 4.22.0',
      backend: 'tensor_flow.js',
    },
    weightsManifest: [{ paths: [`./${WEIGHTS_FILE}`], weights: manifest }],
    // Free-form metadata that tf.loadLayersModel keeps and ignores: which optimizer trained it.
    ...(stack.trainedWith ? { userDefinedMetadata: { trainedWith: stack.trainedWith } } : {}),
  };
  // NOTE: Float32Array is in the platform's byte order; every platform that runs WebGPU is
  // little-endian, which is what the format asks for.
  return { modelJson: JSON.stringify(model), weights: bytes.buffer };
}

/**
 * A Dense layer's kernel_regularizer as Keras and TF.js write it (L1L2, L1 or L2 with their
 * coefficients), or null; one this app does not know is dropped: it changes nothing at inference.
 */
function regularizerOf(json: unknown): { l1: number; l2: number } | null {
  if (!isObject(json) || !isObject(json.config)) return null;
  const { class_name: name, config } = json;
  if (name !== 'L1L2' && name !== 'L1' && name !== 'L2') return null;
  const coefficient = (key: 'l1' | 'l2') => {
    const value = name === 'L1L2' || name.toLowerCase() === key ? (config[key] ?? 0) : 0;
    return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;
  };
  const [l1, l2] = [coefficient('l1'), coefficient('l2')];
  return l1 === null || l2 === null || (l1 === 0 && l2 === 0) ? null : { l1, l2 };
}

/** Keras's Dropout(rate) before Dense layer i; the first layer of the model carries the input shape. */
function dropoutJson(rate: number, i: number, first: object): LayerJson {
  const name = i === 0 ? 'dropout' : `dropout_${i}`;
  return {
    class_name: 'Dropout',
    config: { rate, noise_shape: null, seed: null, name, trainable: true, dtype: 'float32', ...first },
  };
}

const ACTIVATIONS: Record<string, Activation> = { relu: 'relu', softmax: 'softmax', linear: 'linear' };
/** Layers that change nothing when predicting a flat 784-pixel image (Dropout's rate is kept). */
const PASS_THROUGH = new Set(['InputLayer', 'Flatten']);
/** Units per layer: beyond this no Dense layer this app could run makes sense. */
const MAX_UNITS = 1 << 16;

function inputShapeOf(config: Record<string, unknown>, name: string): number[] | null {
  const shape = config.batch_input_shape ?? config.batch_shape;
  if (Array.isArray(shape)) return checkShape(shape.slice(1), `the input of layer ${name}`);
  const input = config.input_shape;
  return Array.isArray(input) ? checkShape(input, `the input of layer ${name}`) : null;
}

/** The layer list of a Sequential model's topology, as tfjs or the Keras converter writes it. */
function sequentialLayers(topology: unknown): LayerJson[] {
  if (!isObject(topology)) fail('model.json has no modelTopology.');
  const model = topology.model_config ?? topology;
  const className = isObject(model) ? model.class_name : undefined;
  if (className !== 'Sequential')
    fail(
      `Only Sequential models are supported; this one is a ${className ? show(className) : 'model of unknown class'}.`,
    );
  const config = (model as Record<string, unknown>).config;
  // Older Keras writes the layer list itself as the config.
  const layers = Array.isArray(config) ? config : isObject(config) ? config.layers : undefined;
  if (!Array.isArray(layers) || layers.length === 0) fail('The Sequential model has no layers.');
  return layers.map((layer, i) => {
    if (!isObject(layer) || typeof layer.class_name !== 'string')
      fail(`Layer ${i + 1} of the model has no class_name.`);
    const layerConfig = layer.config ?? {};
    if (!isObject(layerConfig)) fail(`Layer ${i + 1} of the model (${layer.class_name}) has no config.`);
    return { class_name: layer.class_name, config: layerConfig };
  });
}

/**
 * A Dense stack from model.json and its weights files (keyed by file name). Refuses, naming the
 * problem, anything this app cannot run: other model or layer classes, other activations, inputs
 * that are not 784 pixels, outputs that are not 10 classes, other dtypes, missing or short weights.
 */
export function fromTfjs(modelJson: string, files: Map<string, ArrayBuffer>): DenseStack {
  let model: unknown;
  try {
    model = JSON.parse(modelJson);
  } catch (error) {
    fail(`model.json is not valid JSON (${(error as Error).message}).`);
  }
  checkDepth(model);
  if (!isObject(model)) fail('model.json does not describe a model.');
  if (model.format !== undefined && model.format !== 'layers-model')
    fail(
      `This is a ${show(model.format)}; only TensorFlow.js Layers models (format "layers-model") are supported.`,
    );
  const layerJsons = sequentialLayers(model.modelTopology);
  const weights = readWeights(model.weightsManifest, files);

  let inputDim: number | null = null;
  const layers: DenseSpec[] = [];
  const stackWeights: Float32Array[] = [];
  let dropoutBefore: number | undefined;
  for (const { class_name: kind, config = {} } of layerJsons) {
    const name = typeof config.name === 'string' ? config.name : kind;
    const dtype = config.dtype;
    if (typeof dtype === 'string' && dtype !== 'float32')
      fail(`Layer ${name} computes in ${dtype}; only float32 is supported.`);
    if (layers.length === 0 && inputDim === null) {
      const shape = inputShapeOf(config, name);
      if (shape) {
        const size = shape.reduce((n, d) => n * d, 1);
        if (size !== PIXELS)
          fail(
            `The input is [${shape.join(', ')}] (${size} values); this app feeds 28x28 = ${PIXELS} pixels.`,
          );
        inputDim = PIXELS;
      }
    }
    if (PASS_THROUGH.has(kind)) continue;
    if (kind === 'Dropout') {
      const rate = config.rate;
      if (typeof rate !== 'number' || !(rate >= 0 && rate < 1))
        fail(`Layer ${name} is a Dropout with rate ${show(rate)}; a rate is from 0 to below 1.`);
      // Two in a row drop as one with both rates; nothing is dropped at inference anyway.
      dropoutBefore = dropoutBefore === undefined ? rate : 1 - (1 - dropoutBefore) * (1 - rate);
      continue;
    }
    if (kind === 'BatchNormalization') {
      const before = layers.at(-1);
      if (before?.batchNormAfter || dropoutBefore !== undefined)
        fail(`Layer ${name} (BatchNormalization) must follow a Dense layer directly.`);
      stackWeights.push(...batchNormWeights(config, name, before?.units, weights));
      (before as DenseSpec).batchNormAfter = true;
      continue;
    }
    if (kind !== 'Dense')
      fail(
        `Layer ${name} is a ${kind}; only Dense layers are supported (and BatchNormalization, Dropout, Flatten, InputLayer).`,
      );
    const units = config.units;
    if (!Number.isInteger(units) || (units as number) < 1 || (units as number) > MAX_UNITS)
      fail(
        `Layer ${name} has ${show(units)} units; a Dense layer has a whole number from 1 to ${MAX_UNITS}.`,
      );
    const activation = own(ACTIVATIONS, config.activation ?? 'linear');
    if (!activation)
      fail(
        `Layer ${name} uses the activation ${show(config.activation)}; supported are relu, linear and softmax.`,
      );
    const width = layers.at(-1)?.units ?? inputDim;
    if (width === null) fail(`The first layer (${name}) gives no input shape.`);
    const kernel = findWeight(weights, name, 'kernel');
    if (!kernel) fail(`The weights have no kernel for layer ${name}.`);
    if (kernel.length !== width * (units as number))
      fail(
        `The kernel of layer ${name} has ${kernel.length} values; [${width}, ${units}] needs ${width * (units as number)}.`,
      );
    const bias =
      config.use_bias === false ? new Float32Array(units as number) : findWeight(weights, name, 'bias');
    if (!bias) fail(`The weights have no bias for layer ${name}.`);
    if (bias.length !== units) fail(`The bias of layer ${name} has ${bias.length} values, not ${units}.`);
    const kernelRegularizer = regularizerOf(config.kernel_regularizer);
    layers.push({
      units: units as number,
      activation,
      ...(dropoutBefore === undefined ? {} : { dropoutBefore }),
      ...(kernelRegularizer ? { kernelRegularizer } : {}),
    });
    dropoutBefore = undefined;
    stackWeights.push(kernel, bias);
  }
  const last = layers.at(-1);
  if (!last) fail('The model has no Dense layer.');
  if (last.units !== CLASSES)
    fail(`The output has ${last.units} units; this app needs ${CLASSES}, one per digit.`);
  if (last.activation !== 'softmax') fail(`The last layer uses ${last.activation}; it must use softmax.`);
  if (last.batchNormAfter) fail('A BatchNormalization after the softmax output is not supported.');
  const hiddenSoftmax = layers.slice(0, -1).findIndex((l) => l.activation === 'softmax');
  if (hiddenSoftmax >= 0) fail('Softmax is supported on the last layer only.');
  return { inputDim: inputDim as number, layers, weights: stackWeights };
}
