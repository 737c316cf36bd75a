// Every model the importer cannot run is refused with a message naming what is unsupported.
import { describe, expect, test } from 'vitest';
import { type DenseStack, fromTfjs, ModelFormatError, toTfjs, WEIGHTS_FILE } from '../../src/page/tfjsFormat';

// biome-ignore lint/suspicious/noExplicitAny: the edits reach anywhere into parsed JSON.
type Json = any;

const STACK: DenseStack = {
  inputDim: 784,
  layers: [
    { units: 3, activation: 'relu' },
    { units: 10, activation: 'softmax' },
  ],
  weights: [new Float32Array(784 * 3), new Float32Array(3), new Float32Array(30), new Float32Array(10)],
};

/** The exported files of STACK, with model.json changed by `edit`. */
function files(edit: (model: Json) => void = () => {}, weights = toTfjs(STACK).weights) {
  const model = JSON.parse(toTfjs(STACK).modelJson);
  edit(model);
  return [JSON.stringify(model), new Map([[WEIGHTS_FILE, weights]])] as const;
}
const layers = (model: Json) => model.modelTopology.config.layers;

function refusal(edit: (model: Json) => void, weights?: ArrayBuffer): string {
  try {
    fromTfjs(...files(edit, weights));
  } catch (error) {
    expect(error).toBeInstanceOf(ModelFormatError);
    return (error as Error).message;
  }
  throw new Error('the model was accepted');
}

describe('fromTfjs refuses, saying why', () => {
  test('a file that is not JSON', () => {
    expect(() => fromTfjs('{nope', new Map())).toThrow(/model.json is not valid JSON/);
  });
  test('a graph model', () => {
    expect(refusal((m) => (m.format = 'graph-model'))).toMatch(/This is a graph-model; only .*layers-model/);
  });
  test('a functional model', () => {
    expect(refusal((m) => (m.modelTopology.class_name = 'Functional'))).toBe(
      'Only Sequential models are supported; this one is a Functional.',
    );
  });
  test('a convolution layer, by name and class', () => {
    expect(
      refusal((m) => layers(m).splice(1, 0, { class_name: 'Conv2D', config: { name: 'conv' } })),
    ).toMatch(/^Layer conv is a Conv2D; only Dense layers are supported/);
  });
  test('an unsupported activation', () => {
    expect(refusal((m) => (layers(m)[0].config.activation = 'tanh'))).toBe(
      'Layer dense uses the activation tanh; supported are relu, linear and softmax.',
    );
  });
  test('an input that is not 784 pixels', () => {
    expect(refusal((m) => (layers(m)[0].config.batch_input_shape = [null, 32, 32]))).toBe(
      'The input is [32, 32] (1024 values); this app feeds 28x28 = 784 pixels.',
    );
  });
  test('an output that is not 10 classes', () => {
    const stack = { ...STACK, layers: [STACK.layers[0], { units: 7, activation: 'softmax' as const }] };
    stack.weights = [...STACK.weights.slice(0, 2), new Float32Array(21), new Float32Array(7)];
    const { modelJson, weights } = toTfjs(stack);
    expect(() => fromTfjs(modelJson, new Map([[WEIGHTS_FILE, weights]]))).toThrow(
      'The output has 7 units; this app needs 10, one per digit.',
    );
  });
  test('a last layer without softmax', () => {
    expect(refusal((m) => (layers(m)[1].config.activation = 'relu'))).toBe(
      'The last layer uses relu; it must use softmax.',
    );
  });
  test('float16 weights, and float16 layers', () => {
    expect(refusal((m) => (m.weightsManifest[0].weights[0].dtype = 'float16'))).toBe(
      'The weight dense/kernel is float16; only float32 weights are supported.',
    );
    expect(refusal((m) => (layers(m)[0].config.dtype = 'float16'))).toBe(
      'Layer dense computes in float16; only float32 is supported.',
    );
  });
  test('quantized weights', () => {
    expect(
      refusal((m) => (m.weightsManifest[0].weights[0].quantization = { dtype: 'uint8', scale: 1, min: 0 })),
    ).toMatch(/quantized/);
  });
  test('a missing weights file, by name', () => {
    expect(() => fromTfjs(files()[0], new Map())).toThrow(
      'The weights file model.weights.bin is missing: choose it together with model.json.',
    );
  });
  test('a weights file too short', () => {
    expect(refusal(() => {}, new ArrayBuffer(100))).toMatch(
      /^The weights files are too short: dense\/kernel/,
    );
  });
  test('a kernel of the wrong shape', () => {
    expect(refusal((m) => (m.weightsManifest[0].weights[0].shape = [784, 2]))).toBe(
      'The kernel of layer dense has 1568 values; [784, 3] needs 2352.',
    );
  });
  test('weights missing for a layer', () => {
    expect(refusal((m) => (m.weightsManifest[0].weights[2].name = 'other/kernel'))).toBe(
      'The weights have no kernel for layer dense_1.',
    );
  });
});

describe('fromTfjs accepts what Keras writes around Dense layers', () => {
  test('InputLayer, Flatten of 28x28 and Dropout are passed through', () => {
    const stack = fromTfjs(
      ...files((m) => {
        delete layers(m)[0].config.batch_input_shape;
        layers(m).unshift(
          { class_name: 'InputLayer', config: { batch_input_shape: [null, 28, 28], name: 'input' } },
          { class_name: 'Flatten', config: { name: 'flatten' } },
        );
        layers(m).splice(3, 0, { class_name: 'Dropout', config: { rate: 0.2, name: 'dropout' } });
        m.modelTopology = { model_config: m.modelTopology, keras_version: '2.15.0', backend: 'tensorflow' };
      }),
    );
    // Dropout's rate is kept with the Dense after it (nothing is dropped at inference).
    expect(stack.layers).toEqual([STACK.layers[0], { ...STACK.layers[1], dropoutBefore: 0.2 }]);
  });
});
