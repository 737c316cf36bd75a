// The TensorFlow.js Layers format (model.json + a binary weights file), for Dense stacks: what
// tf.loadLayersModel reads, what tfjs model.save() and the Keras converter (tensorflowjs_converter)
// write. DOM-free, so Node tests use it with @tensorflow/tfjs itself.
// Format: https://www.tensorflow.org/js/guide/save_load#what_is_saved

import { CLASSES, PIXELS } from '../data/mnist';
import type { Activation } from '../nn/dense';
import type { DenseSpec, DenseStack } from '../protocol/protocol';

export type { DenseSpec, DenseStack } from '../protocol/protocol';

export const MODEL_FILE = 'model.json';
export const WEIGHTS_FILE = 'model.weights.bin';

/** Thrown for a file this app cannot use; the message says what is unsupported or wrong. */
export class ModelFormatError extends Error {
  override name = 'ModelFormatError';
}

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
  const layers: LayerJson[] = stack.layers.map((layer, i) => {
    const name = layerName(i);
    manifest.push({ name: `${name}/kernel`, shape: [width, layer.units], dtype: 'float32' });
    manifest.push({ name: `${name}/bias`, shape: [layer.units], dtype: 'float32' });
    width = layer.units;
    return {
      class_name: 'Dense',
      config: {
        units: layer.units,
        activation: layer.activation,
        use_bias: true,
        kernel_initializer: { class_name: 'GlorotUniform', config: { seed: null } },
        bias_initializer: { class_name: 'Zeros', config: {} },
        kernel_regularizer: null,
        bias_regularizer: null,
        activity_regularizer: null,
        kernel_constraint: null,
        bias_constraint: null,
        name,
        trainable: true,
        dtype: 'float32',
        ...(i === 0 ? { batch_input_shape: [null, stack.inputDim] } : {}),
      },
    };
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

const ACTIVATIONS: Record<string, Activation> = { relu: 'relu', softmax: 'softmax', linear: 'linear' };
/** Layers that change nothing when predicting a flat 784-pixel image. */
const PASS_THROUGH = new Set(['Dropout', 'InputLayer', 'Flatten']);
/**
 * The most weight bytes an import may hold: 4 million units' worth of Dense layers is far beyond
 * what this app trains, and a file is held a few times over while it is read, checked and sent.
 */
export const MAX_IMPORT_BYTES = 256e6;
/** Units per layer: beyond this no Dense layer this app could run makes sense. */
const MAX_UNITS = 1 << 16;

function fail(message: string): never {
  throw new ModelFormatError(message);
}

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);
/** A JSON value as a short string for a message (a hostile file may put anything anywhere). */
const show = (x: unknown) => (typeof x === 'string' ? x : (JSON.stringify(x) ?? String(x))).slice(0, 60);
/** Own properties only: "__proto__" or "constructor" must not find what every object inherits. */
const own = <T>(table: Record<string, T>, key: unknown): T | undefined =>
  typeof key === 'string' && Object.hasOwn(table, key) ? table[key] : undefined;

/** A shape of whole numbers of at least 1 (a negative or fractional one would move read offsets). */
function checkShape(shape: unknown, what: string): number[] {
  if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 1))
    fail(`The shape of ${what} is ${show(shape)}; a shape is a list of whole numbers of at least 1.`);
  return shape as number[];
}

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

/** One manifest group's files joined in order (by the names the manifest uses). */
function groupBytes(paths: unknown, files: Map<string, ArrayBuffer>): Uint8Array {
  if (!Array.isArray(paths) || !paths.every((p) => typeof p === 'string'))
    fail('A weightsManifest group has no list of paths.');
  const buffers = paths.map((path: string) => {
    const name = path.split('/').pop() as string;
    const buffer = files.get(name);
    if (!buffer) fail(`The weights file ${name} is missing: choose it together with model.json.`);
    return new Uint8Array(buffer);
  });
  const total = buffers.reduce((n, b) => n + b.length, 0);
  if (total > MAX_IMPORT_BYTES) fail(importTooLarge(total));
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const b of buffers) {
    bytes.set(b, at);
    at += b.length;
  }
  return bytes;
}

export function importTooLarge(bytes: number): string {
  return `The weights are ${Math.round(bytes / 1e6)} MB; this app imports at most ${MAX_IMPORT_BYTES / 1e6} MB.`;
}

/** The weights named in the manifest, each checked: float32, a sane shape, within the files, finite. */
function readWeights(manifest: unknown, files: Map<string, ArrayBuffer>): Map<string, Float32Array> {
  if (!Array.isArray(manifest) || manifest.length === 0) fail('model.json has no weightsManifest.');
  const out = new Map<string, Float32Array>();
  let read = 0;
  for (const group of manifest) {
    if (!isObject(group) || !Array.isArray(group.weights))
      fail('A weightsManifest group has no list of weights.');
    const bytes = groupBytes(group.paths, files);
    let offset = 0;
    for (const entry of group.weights as unknown[]) {
      if (!isObject(entry) || typeof entry.name !== 'string')
        fail('A weight in the weightsManifest has no name.');
      const { name } = entry;
      if (entry.quantization) fail(`The weight ${name} is quantized; only float32 weights are supported.`);
      if (entry.dtype !== 'float32')
        fail(`The weight ${name} is ${show(entry.dtype)}; only float32 weights are supported.`);
      const shape = entry.shape === undefined ? [] : checkShape(entry.shape, `the weight ${name}`);
      const length = shape.reduce((n, d) => n * d, 1);
      read += length * 4;
      if (read > MAX_IMPORT_BYTES) fail(importTooLarge(read));
      if (offset + length * 4 > bytes.length)
        fail(`The weights files are too short: ${name} needs bytes ${offset}-${offset + length * 4}.`);
      // A copy, so the result does not depend on the alignment of `offset`.
      const values = new Float32Array(bytes.slice(offset, offset + length * 4).buffer);
      if (!values.every(Number.isFinite)) fail(`The weight ${name} holds NaN or infinite values.`);
      out.set(name, values);
      offset += length * 4;
    }
  }
  return out;
}

function findWeight(weights: Map<string, Float32Array>, layer: string, kind: string): Float32Array | null {
  const exact = weights.get(`${layer}/${kind}`);
  if (exact) return exact;
  // The Keras converter may prefix the model's name: "sequential/dense/kernel".
  for (const [name, value] of weights) if (name.endsWith(`/${layer}/${kind}`)) return value;
  return null;
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
    if (kind !== 'Dense')
      fail(`Layer ${name} is a ${kind}; only Dense layers are supported (and Dropout, Flatten, InputLayer).`);
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
    layers.push({ units: units as number, activation });
    stackWeights.push(kernel, bias);
  }
  const last = layers.at(-1);
  if (!last) fail('The model has no Dense layer.');
  if (last.units !== CLASSES)
    fail(`The output has ${last.units} units; this app needs ${CLASSES}, one per digit.`);
  if (last.activation !== 'softmax') fail(`The last layer uses ${last.activation}; it must use softmax.`);
  const hiddenSoftmax = layers.slice(0, -1).findIndex((l) => l.activation === 'softmax');
  if (hiddenSoftmax >= 0) fail('Softmax is supported on the last layer only.');
  return { inputDim: inputDim as number, layers, weights: stackWeights };
}
