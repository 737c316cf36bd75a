// The TensorFlow.js program that reproduces the run on screen. It reads the same gzipped IDX files
// this app serves (mnist/), so it runs in any page next to them, as a module script.
import type { LayerSpec, WeightPenalty } from '../../protocol/layers';
import type { Settings } from '../../protocol/settings';
import { tfjsEarlyStopping, tfjsFitLines, tfjsTrainingData } from './heldOutPrograms';
import { describeRun } from './runDescription';

/** TF.js's kernelRegularizer option for a layer with L1 or L2 (none without). */
function tfjsRegularizer({ l1, l2 }: WeightPenalty): string[] {
  if (l1 && l2) return [`kernelRegularizer: tf.regularizers.l1l2({ l1: ${l1}, l2: ${l2} })`];
  if (l1) return [`kernelRegularizer: tf.regularizers.l1({ l1: ${l1} })`];
  return l2 ? [`kernelRegularizer: tf.regularizers.l2({ l2: ${l2} })`] : [];
}

/** The layer's constructor and its own options, in the order TF.js's documentation lists them. */
function tfjsLayer(spec: LayerSpec): [string, string[]] {
  switch (spec.kind) {
    case 'conv':
      return [
        'conv2d',
        [`filters: ${spec.filters}`, 'kernelSize: 3', "activation: 'relu'", ...tfjsRegularizer(spec)],
      ];
    case 'pool':
      return ['maxPooling2d', ['poolSize: 2']];
    case 'flatten':
      return ['flatten', []];
    case 'dense':
      return ['dense', [`units: ${spec.units}`, "activation: 'relu'", ...tfjsRegularizer(spec)]];
    case 'dropout':
      return ['dropout', [`rate: ${spec.rate}`]];
    case 'batchNorm':
      return ['batchNormalization', []]; // momentum 0.99, epsilon 1e-3 (TF.js's defaults, Keras's)
  }
}

export function tfjsProgram(settings: Settings): string {
  const { hidden, imageInput, modelLine, trainingLine } = describeRun(settings);
  const shape = imageInput ? '28, 28, 1' : '784';
  const all: LayerSpec[] = [...hidden, { kind: 'dense', units: 10 }];
  const layerLines = all.map((spec, i) => {
    const [name, own] = tfjsLayer(spec);
    if (i === all.length - 1) own[1] = "activation: 'softmax'";
    const options = [
      ...(i === 0 ? [`inputShape: [${shape}]`] : []),
      ...own,
      // Each layer with weights gets its own seed, so two layers never start from the same numbers.
      ...(spec.kind === 'conv' || spec.kind === 'dense'
        ? [`kernelInitializer: tf.initializers.glorotUniform({ seed: ${settings.seed + i} })`]
        : []),
    ];
    return `model.add(tf.layers.${name}(${options.length ? `{ ${options.join(', ')} }` : ''}));`;
  });
  const lines = [
    '// The TensorFlow.js program for the run on screen in Digits on WebGPU.',
    `// Model: ${modelLine}.`,
    `// Training: ${trainingLine}.`,
    '// It reads the MNIST files the app serves (mnist/): run it as a module script in a page beside them.',
    "import * as tf from '@tensorflow/tfjs';",
    '',
    '/** A gzipped IDX file: its dimensions and its bytes. */',
    'async function readIdx(url) {',
    '  const response = await fetch(url);',
    "  const unzipped = response.body.pipeThrough(new DecompressionStream('gzip'));",
    '  const bytes = new Uint8Array(await new Response(unzipped).arrayBuffer());',
    '  const view = new DataView(bytes.buffer);',
    '  const rank = bytes[3];',
    '  const shape = Array.from({ length: rank }, (_, i) => view.getUint32(4 + 4 * i));',
    '  return { shape, bytes: bytes.subarray(4 + 4 * rank) };',
    '}',
    '',
    '/** The first `count` images, pixels scaled to [0, 1], and their one-hot labels. */',
    'async function loadMnist(images, labels, count) {',
    "  const x = await readIdx('mnist/' + images);",
    "  const y = await readIdx('mnist/' + labels);",
    '  const pixels = Float32Array.from(x.bytes.subarray(0, count * 784), (v) => v / 255);',
    '  return {',
    `    images: tf.tensor(pixels, [count, ${shape}]),`,
    "    labels: tf.oneHot(tf.tensor1d(Int32Array.from(y.bytes.subarray(0, count)), 'int32'), 10),",
    '  };',
    '}',
    '',
    ...tfjsTrainingData(settings),
    "const test = await loadMnist('t10k-images-idx3-ubyte.gz', 't10k-labels-idx1-ubyte.gz', 10000);",
    '',
    '// TF.js has no global seed: the initial weights are seeded, the shuffling is not.',
    'const model = tf.sequential();',
    ...layerLines,
    'model.compile({',
    ...tfjsOptimizer(settings),
    "  loss: 'categoricalCrossentropy',",
    "  metrics: ['accuracy'],",
    '});',
    'model.summary();',
    ...tfjsEarlyStopping(settings),
    'await model.fit(train.images, train.labels, {',
    `  epochs: ${settings.epochs},`,
    `  batchSize: ${settings.batchSize},`,
    '  shuffle: true,',
    ...tfjsFitLines(settings),
    '});',
    '',
    'const [, testAccuracy] = model.evaluate(test.images, test.labels);',
    "console.log('test accuracy:', (await testAccuracy.data())[0].toFixed(4));",
  ];
  return `${lines.join('\n')}\n`;
}

/** The optimizer with Keras's defaults, which are not all TF.js's. */
function tfjsOptimizer(settings: Settings): string[] {
  const rate = settings.learningRate;
  switch (settings.optimizer ?? 'rmsprop') {
    case 'sgd':
      return sgdOptimizer(settings);
    case 'adam':
      return [
        '  // Adam as Keras defines it: beta1 0.9, beta2 0.999, epsilon 1e-7.',
        `  optimizer: tf.train.adam(${rate}, 0.9, 0.999, 1e-7),`,
      ];
    case 'rmsprop':
      return [
        '  // RMSprop as Keras defines it: rho 0.9, no momentum, epsilon 1e-7.',
        `  optimizer: tf.train.rmsprop(${rate}, 0.9, 0, 1e-7),`,
      ];
  }
}

/**
 * Keras's SGD: plain, or TF.js's momentum optimizer. Its accumulator is Keras's velocity divided
 * by -lr (a = m·a + g, w -= lr·a; Nesterov w -= lr·(g + m·a)), the same steps while the rate holds.
 */
function sgdOptimizer(settings: Settings): string[] {
  const rate = settings.learningRate;
  const momentum = settings.momentum ?? 0;
  if (!(momentum > 0))
    return ['  // SGD as Keras defines it by default: no momentum.', `  optimizer: tf.train.sgd(${rate}),`];
  const nesterov = settings.nesterov === true;
  return [
    `  // Keras's SGD(momentum=${momentum}${nesterov ? ', nesterov=True' : ''}): TF.js's momentum optimizer${nesterov ? ', with Nesterov' : ''}.`,
    `  optimizer: tf.train.momentum(${rate}, ${momentum}${nesterov ? ', true' : ''}),`,
  ];
}
