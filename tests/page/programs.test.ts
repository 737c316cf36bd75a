// The Code view's programs: the default run's Keras, PyTorch and TF.js programs are reviewed
// reference texts, and every generated program parses (Python by Python's own parser, JavaScript by
// Node's). tests/torch runs the PyTorch programs for real.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_AUGMENT } from '../../src/backend/augmentation';
import { KERAS_AUGMENT } from '../../src/page/programs/kerasAugment';
import { kerasProgram } from '../../src/page/programs/kerasProgram';
import { tfjsProgram } from '../../src/page/programs/tfjsProgram';
import { torchProgram } from '../../src/page/programs/torchProgram';
import { DEFAULT_SETTINGS } from '../../src/protocol/settings';
import { RUNS } from '../cases/programRuns';
import { parseModule, parsePython } from './parsePrograms';

const reference = (name: string) => readFileSync(new URL(`./programs/${name}`, import.meta.url), 'utf8');

describe('the Keras program', () => {
  it('for the default settings is the reviewed reference text', () => {
    expect(kerasProgram(DEFAULT_SETTINGS)).toBe(reference('kerasDefault.py'));
  });

  it.each(RUNS)('for %s parses as Python', (_, settings) => {
    parsePython(kerasProgram(settings));
  });

  it('the parse check catches a broken program', () => {
    expect(() =>
      parsePython(kerasProgram(DEFAULT_SETTINGS).replace('model.compile(', 'model.compile((')),
    ).toThrow();
  });

  it('says what differs from the book run', () => {
    const program = kerasProgram({ ...DEFAULT_SETTINGS, model: 'convnet', train: 500, learningRate: 2 });
    expect(program).toContain('train_images[:500]');
    expect(program).toContain('keras.Input(shape=(28, 28, 1))');
    expect(program).toContain('layers.Conv2D(32, (3, 3), activation="relu")');
    expect(program).toContain('RMSprop(learning_rate=2.0)');
    expect(program).toContain('reshape((500, 28, 28, 1))');
  });

  it('names the chosen optimizer, with Keras spelling', () => {
    expect(kerasProgram({ ...DEFAULT_SETTINGS, optimizer: 'sgd', learningRate: 0.01 })).toContain(
      'optimizer=keras.optimizers.SGD(learning_rate=0.01),',
    );
    const adam = kerasProgram({ ...DEFAULT_SETTINGS, optimizer: 'adam', learningRate: 0.001 });
    expect(adam).toContain('optimizer=keras.optimizers.Adam(learning_rate=0.001),');
    expect(adam).toContain('# Training: Adam (lr 0.001)');
    expect(adam).not.toContain('RMSprop');
  });

  it("gives SGD its momentum and Nesterov only when set, as Keras's arguments", () => {
    const sgd = { ...DEFAULT_SETTINGS, optimizer: 'sgd' as const, learningRate: 0.01 };
    expect(kerasProgram({ ...sgd, momentum: 0.9 })).toContain(
      'optimizer=keras.optimizers.SGD(learning_rate=0.01, momentum=0.9),',
    );
    const nesterov = kerasProgram({ ...sgd, momentum: 0.9, nesterov: true });
    expect(nesterov).toContain(
      'optimizer=keras.optimizers.SGD(learning_rate=0.01, momentum=0.9, nesterov=True),',
    );
    expect(nesterov).toContain('# Training: SGD with Nesterov momentum 0.9 (lr 0.01)');
    // A whole-number momentum is still a Python float, as Keras documents it.
    expect(kerasProgram({ ...sgd, learningRate: 1, momentum: 0.5 })).toContain(
      'SGD(learning_rate=1.0, momentum=0.5)',
    );
    expect(kerasProgram(sgd)).not.toContain('momentum');
  });
});

describe("the Keras program's augmentation", () => {
  it('moves the training images as the app does, only when the run does', () => {
    expect(kerasProgram(DEFAULT_SETTINGS)).not.toContain('Random');
    const mlp = kerasProgram({ ...DEFAULT_SETTINGS, augment: true });
    expect(mlp).toContain(
      '# Training: RMSprop (lr 0.001), 5 epochs of 60,000 images, batch 128, on augmented images.',
    );
    // The MLP takes the images whole, moves them, then flattens them for its first Dense layer.
    const model = mlp.slice(mlp.indexOf('model = keras.Sequential('), mlp.indexOf('model.compile('));
    expect(model.split('\n').filter((l) => /layers\.|Input/.test(l) && !l.trim().startsWith('#'))).toEqual([
      '        keras.Input(shape=(28, 28, 1)),',
      '        layers.RandomTranslation(2 / 28, 2 / 28, fill_mode="constant"),',
      '        layers.RandomRotation(10 / 360, fill_mode="constant"),',
      '        layers.RandomZoom(0.1, fill_mode="constant"),',
      '        layers.Flatten(),',
      '        layers.Dense(512, activation="relu"),',
      '        layers.Dense(10, activation="softmax"),',
    ]);
    expect(mlp).toContain('train_images = train_images.reshape((60000, 28, 28, 1))');
    expect(mlp).toContain('test_images = test_images.reshape((10000, 28, 28, 1))');
    parsePython(mlp);
  });

  it('adds no Flatten of its own to a ConvNet, which takes images already', () => {
    const convnet = kerasProgram({ ...DEFAULT_SETTINGS, model: 'convnet', augment: true });
    expect(convnet).toContain('layers.RandomZoom(0.1, fill_mode="constant"),\n        layers.Conv2D(32');
    expect(convnet.match(/layers\.Flatten\(\)/g)).toHaveLength(1);
  });

  it("is on for a run with the user's digits, which the app always augments", () => {
    const mine = kerasProgram({ ...DEFAULT_SETTINGS, myDigits: true });
    expect(mine).toContain('layers.RandomTranslation(');
    expect(mine).toContain('my_test_images = my_test_images.reshape((len(my_test_labels), 28, 28, 1))');
    parsePython(mine);
  });

  it("has the app's ranges", () => {
    expect(DEFAULT_AUGMENT.shift).toBe(KERAS_AUGMENT.shiftPixels);
    expect(DEFAULT_AUGMENT.rotation).toBeCloseTo((KERAS_AUGMENT.rotationDegrees * Math.PI) / 180, 12);
    expect(DEFAULT_AUGMENT.scale).toBe(KERAS_AUGMENT.scale);
  });
});

describe('the TensorFlow.js program', () => {
  it('for the default settings is the reviewed reference text', () => {
    expect(tfjsProgram(DEFAULT_SETTINGS)).toBe(reference('tfjsDefault.mjs'));
  });

  it.each(RUNS)('for %s parses as a JavaScript module', (_, settings) => {
    parseModule(tfjsProgram(settings));
  });

  it('names the chosen optimizer, with Keras defaults', () => {
    expect(tfjsProgram({ ...DEFAULT_SETTINGS, optimizer: 'sgd', learningRate: 0.01 })).toContain(
      'optimizer: tf.train.sgd(0.01),',
    );
    expect(tfjsProgram({ ...DEFAULT_SETTINGS, optimizer: 'adam', learningRate: 0.001 })).toContain(
      'optimizer: tf.train.adam(0.001, 0.9, 0.999, 1e-7),',
    );
  });

  it("writes Keras's SGD with momentum as TF.js's momentum optimizer, Nesterov as its third argument", () => {
    const sgd = { ...DEFAULT_SETTINGS, optimizer: 'sgd' as const, learningRate: 0.01 };
    expect(tfjsProgram({ ...sgd, momentum: 0.9 })).toContain('optimizer: tf.train.momentum(0.01, 0.9),');
    expect(tfjsProgram({ ...sgd, momentum: 0.9, nesterov: true })).toContain(
      'optimizer: tf.train.momentum(0.01, 0.9, true),',
    );
    expect(tfjsProgram(sgd)).not.toContain('tf.train.momentum');
  });

  it('the parse check catches a broken program', () => {
    expect(() =>
      parseModule(tfjsProgram(DEFAULT_SETTINGS).replace('model.compile({', 'model.compile({{')),
    ).toThrow();
  });
});

describe('the PyTorch program', () => {
  it('for the default settings is the reviewed reference text', () => {
    expect(torchProgram(DEFAULT_SETTINGS)).toBe(reference('torchDefault.py'));
  });

  it.each(RUNS)('for %s parses as Python', (_, settings) => {
    parsePython(torchProgram(settings));
  });

  it('writes the ConvNet as PyTorch modules, channels first, the model named as the weights file names it', () => {
    const program = torchProgram({
      ...DEFAULT_SETTINGS,
      model: 'convnet',
      batchSize: 64,
      train: 500,
      seed: 9,
    });
    expect(program).toContain(
      [
        '    model = nn.Sequential(',
        '        nn.Conv2d(1, 32, 3),',
        '        nn.ReLU(),',
        '        nn.MaxPool2d(2),',
        '        nn.Conv2d(32, 64, 3),',
        '        nn.ReLU(),',
        '        nn.MaxPool2d(2),',
        '        nn.Conv2d(64, 64, 3),',
        '        nn.ReLU(),',
        '        nn.Flatten(),',
        '        nn.Linear(576, 64),',
        '        nn.ReLU(),',
        '        nn.Linear(64, 10),  # its softmax: in cross_entropy and predict()',
        '    )',
      ].join('\n'),
    );
    expect(program).toContain('INPUT_SHAPE = (1, 28, 28)');
    expect(program).toContain(
      'MODEL = "Conv2D(32, 3x3, relu) → MaxPooling2D(2x2) → Conv2D(64, 3x3, relu) → MaxPooling2D(2x2) → Conv2D(64, 3x3, relu) → Flatten → Dense(64, relu) → Dense(10, softmax)"',
    );
    for (const line of ['SEED = 9', 'BATCH_SIZE = 64', 'TRAIN_IMAGES = 500', 'EPOCHS = 5'])
      expect(program).toContain(line);
  });

  it("writes Keras's RMSprop and Adam out, and PyTorch's SGD with Keras's momentum and Nesterov", () => {
    const rmsprop = torchProgram(DEFAULT_SETTINGS);
    expect(rmsprop).toContain('return KerasRMSprop(model.parameters(), lr=LEARNING_RATE)');
    expect(rmsprop).toContain('(mean_square + group["epsilon"]).sqrt()');
    const adam = torchProgram({ ...DEFAULT_SETTINGS, optimizer: 'adam', learningRate: 0.002 });
    expect(adam).toContain('return KerasAdam(model.parameters(), lr=LEARNING_RATE)');
    expect(adam).toContain('LEARNING_RATE = 0.002');
    expect(adam).toContain('import math');
    expect(adam).not.toContain('KerasRMSprop');
    const sgd = { ...DEFAULT_SETTINGS, optimizer: 'sgd' as const, learningRate: 1 };
    expect(torchProgram(sgd)).toContain('return torch.optim.SGD(model.parameters(), lr=LEARNING_RATE)');
    expect(torchProgram(sgd)).toContain('LEARNING_RATE = 1.0');
    expect(torchProgram(sgd)).not.toContain('import math');
    expect(torchProgram({ ...sgd, momentum: 0.9 })).toContain(
      'return torch.optim.SGD(model.parameters(), lr=LEARNING_RATE, momentum=0.9)',
    );
    expect(torchProgram({ ...sgd, momentum: 0.5, nesterov: true })).toContain(
      'return torch.optim.SGD(model.parameters(), lr=LEARNING_RATE, momentum=0.5, nesterov=True)',
    );
  });

  it('augments the training images only when the run does', () => {
    expect(torchProgram(DEFAULT_SETTINGS)).not.toContain('augment');
    const augmented = torchProgram({ ...DEFAULT_SETTINGS, augment: true });
    expect(augmented).toContain('x, y = augment(images[batch], generator), labels[batch]');
    expect(augmented).toContain(
      'Training: RMSprop (lr 0.001), 5 epochs of 60,000 images, batch 128, on augmented images.',
    );
  });

  it('the parse check catches a broken program', () => {
    expect(() => parsePython(torchProgram(DEFAULT_SETTINGS).replace('def main():', 'def main()'))).toThrow();
  });
});
