// The Keras (Python) program that reproduces the run on screen, written as the book writes it
// (Deep Learning with Python, third edition, chapter 2 and, for the ConvNet, chapter 8): load MNIST, scale the
// pixels to [0, 1], one-hot labels, build, compile, fit, evaluate. Our engine follows Keras's
// formulas and defaults (glorot_uniform weights, zero biases, the optimizers' defaults but the rate), so
// this program trains the same network; the random numbers differ, the curves agree closely.
import type { LayerSpec, WeightPenalty } from '../../protocol/layers';
import { optimizerName, type Settings } from '../../protocol/settings';
import { kerasAugmentLayers } from './kerasAugment';
import { kerasFitLines, kerasTrainCount, kerasValidationCut, kerasValidationPrep } from './kerasHeldOut';
import { kerasMyDigitsData, kerasMyDigitsTest } from './kerasMyDigits';
import { describeRun } from './runDescription';

/** ', kernel_regularizer=regularizers.L2(0.001)' for a layer with L1 or L2; '' without. */
function kerasRegularizer({ l1, l2 }: WeightPenalty): string {
  if (l1 && l2) return `, kernel_regularizer=regularizers.L1L2(l1=${pythonFloat(l1)}, l2=${pythonFloat(l2)})`;
  if (l1) return `, kernel_regularizer=regularizers.L1(${pythonFloat(l1)})`;
  return l2 ? `, kernel_regularizer=regularizers.L2(${pythonFloat(l2)})` : '';
}

function kerasLayer(spec: LayerSpec): string {
  switch (spec.kind) {
    case 'conv':
      return `layers.Conv2D(${spec.filters}, (3, 3), activation="relu"${kerasRegularizer(spec)})`;
    case 'pool':
      return 'layers.MaxPooling2D((2, 2))';
    case 'flatten':
      return 'layers.Flatten()';
    case 'dense':
      return `layers.Dense(${spec.units}, activation="relu"${kerasRegularizer(spec)})`;
    case 'dropout':
      return `layers.Dropout(${pythonFloat(spec.rate)})`;
    case 'batchNorm':
      return 'layers.BatchNormalization()'; // momentum 0.99, epsilon 1e-3: Keras's defaults, the app's
  }
}

/** A Python float literal for a learning rate or a momentum: 0.001, 1e-05, 0.5. */
export function pythonFloat(value: number): string {
  const text = String(value);
  return /[.e]/.test(text) ? text : `${text}.0`;
}

/** learning_rate=0.01, then SGD's momentum and Nesterov when they are not Keras's defaults. */
function kerasOptimizerArguments(settings: Settings): string {
  const args = [`learning_rate=${pythonFloat(settings.learningRate)}`];
  const momentum = settings.optimizer === 'sgd' ? (settings.momentum ?? 0) : 0;
  if (momentum > 0) args.push(`momentum=${pythonFloat(momentum)}`);
  if (momentum > 0 && settings.nesterov === true) args.push('nesterov=True');
  return args.join(', ');
}

export function kerasProgram(settings: Settings): string {
  const { hidden, imageInput, modelLine, trainingLine } = describeRun(settings);
  const n = kerasTrainCount(settings);
  const subset = n < 60000;
  const myDigits = settings.myDigits === true;
  // The app augments a run that mixes in the user's digits whether or not the switch is on.
  const augment = settings.augment === true || myDigits;
  // Augmentation moves images, so an augmented MLP takes them whole and flattens them after.
  const images = imageInput || augment;
  const shape = images ? '(28, 28, 1)' : '(28 * 28,)';
  const reshape = (count: string) => (images ? `(${count}, 28, 28, 1)` : `(${count}, 28 * 28)`);
  const lines = [
    '# The Keras program for the run on screen in Digits on WebGPU.',
    `# Model: ${modelLine}.`,
    `# Training: ${trainingLine}${augment ? ', on augmented images' : ''}.`,
    '# Run it with Keras 3 (pip install keras tensorflow) or tf.keras.',
    ...(myDigits ? ['import gzip', 'import math', '', 'import numpy as np'] : []),
    'import keras',
    hidden.some((s) => (s.kind === 'conv' || s.kind === 'dense') && (s.l1 || s.l2))
      ? 'from keras import layers, regularizers'
      : 'from keras import layers',
    'from keras.datasets import mnist',
    'from keras.utils import to_categorical',
    '',
    `keras.utils.set_random_seed(${settings.seed})`,
    '',
    '(train_images, train_labels), (test_images, test_labels) = mnist.load_data()',
    ...kerasValidationCut(settings),
    ...(subset
      ? [
          `# The first ${n.toLocaleString('en-US')} training images, as in the run.`,
          `train_images, train_labels = train_images[:${n}], train_labels[:${n}]`,
        ]
      : []),
    ...(myDigits ? [`batch_size = ${settings.batchSize}`, ...kerasMyDigitsData(reshape)] : []),
    `train_images = train_images.reshape(${reshape(myDigits ? 'len(train_labels)' : String(n))}).astype("float32") / 255`,
    `test_images = test_images.reshape(${reshape('10000')}).astype("float32") / 255`,
    'train_labels = to_categorical(train_labels)',
    'test_labels = to_categorical(test_labels)',
    ...kerasValidationPrep(settings, reshape),
    '',
    'model = keras.Sequential(',
    '    [',
    `        keras.Input(shape=${shape}),`,
    ...(augment ? kerasAugmentLayers(!imageInput) : []),
    ...hidden.map((spec) => `        ${kerasLayer(spec)},`),
    '        layers.Dense(10, activation="softmax"),',
    '    ]',
    ')',
    'model.compile(',
    `    optimizer=keras.optimizers.${optimizerName(settings)}(${kerasOptimizerArguments(settings)}),`,
    '    loss="categorical_crossentropy",',
    '    metrics=["accuracy"],',
    ')',
    'model.summary()',
    settings.validation
      ? '# validation_data: the validation curve on screen, measured after each epoch.'
      : '# validation_data: the test curve on screen, measured after each epoch.',
    'model.fit(',
    '    train_images,',
    '    train_labels,',
    `    epochs=${settings.epochs},`,
    `    batch_size=${myDigits ? 'batch_size' : settings.batchSize},`,
    ...kerasFitLines(settings),
    ')',
    '',
    'test_loss, test_acc = model.evaluate(test_images, test_labels)',
    'print(f"test_acc: {test_acc:.4f}")',
    ...(myDigits ? kerasMyDigitsTest() : []),
  ];
  return `${lines.join('\n')}\n`;
}
