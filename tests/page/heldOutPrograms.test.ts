// The Code view's TF.js and PyTorch programs hold out the validation images and stop early as the
// app does (and as the Keras program does): the last N training images measured after each epoch, the
// test set once at the end, and early stopping that goes back to the best epoch's weights. TF.js's own
// callback cannot go back (restoreBestWeights throws), so the program's callback is run here in TF.js.
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { tfjsEarlyStopping } from '../../src/page/programs/heldOutPrograms';
import { tfjsProgram } from '../../src/page/programs/tfjsProgram';
import { torchProgram } from '../../src/page/programs/torchProgram';
import { DEFAULT_SETTINGS } from '../../src/protocol/settings';

const HELD = { ...DEFAULT_SETTINGS, train: 20000, validation: 10000, patience: 2 };

describe('the TF.js program with validation images and early stopping', () => {
  const program = tfjsProgram(HELD);

  it('trains on the first 20,000 images, validates on the last 10,000, and stops early', () => {
    expect(program).toContain(
      "const all = await loadMnist('train-images-idx3-ubyte.gz', 'train-labels-idx1-ubyte.gz', 60000);",
    );
    expect(program).toContain(
      'const train = { images: all.images.slice(0, 20000), labels: all.labels.slice(0, 20000) };',
    );
    expect(program).toContain('images: all.images.slice(50000), labels: all.labels.slice(50000)');
    expect(program).toContain('validationData: [validation.images, validation.labels]');
    expect(program).toContain('callbacks: [earlyStopping],');
    expect(program).toContain('} else if (++wait >= 2) {');
    expect(program).not.toContain('restoreBestWeights');
  });

  it('without them, as before: the test set after each epoch, no callback', () => {
    const plain = tfjsProgram(DEFAULT_SETTINGS);
    expect(plain).toContain('validationData: [test.images, test.labels]');
    expect(plain).not.toContain('earlyStopping');
    expect(plain).not.toContain('slice(');
  });

  it('its callback, run in TF.js, stops after `patience` worse epochs and goes back to the best weights', async () => {
    await tf.setBackend('cpu');
    const model = tf.sequential();
    model.add(tf.layers.dense({ units: 4, inputShape: [3], activation: 'softmax' }));
    // A rate far too high: the validation loss soon stops improving.
    model.compile({ optimizer: tf.train.sgd(5), loss: 'categoricalCrossentropy' });
    const x = tf.randomNormal([64, 3], 0, 1, 'float32', 1);
    const y = tf.oneHot(
      tf.tensor1d(
        Array.from({ length: 64 }, (_, i) => i % 4),
        'int32',
      ),
      4,
    );
    const [vx, vy] = [x.slice(0, 16), y.slice(0, 16)];
    const code = tfjsEarlyStopping({ ...DEFAULT_SETTINGS, patience: 1 }).join('\n');
    const { earlyStopping, best } = new Function('model', `${code}\nreturn { earlyStopping, best };`)(model);
    const losses: number[] = [];
    const record = {
      onEpochEnd: async (_: number, logs?: tf.Logs) => void losses.push(logs?.val_loss ?? NaN),
    };
    const history = await model.fit(x, y, {
      epochs: 20,
      batchSize: 8,
      validationData: [vx, vy],
      callbacks: [earlyStopping, record],
    });
    const trained = history.epoch.length;
    expect(trained).toBeLessThan(20);
    expect(best.epoch).toBe(trained - 1);
    expect(Math.min(...losses)).toBe(losses[best.epoch - 1]);
    const end = (await (model.evaluate(vx, vy) as tf.Scalar).data())[0];
    expect(end).toBeCloseTo(losses[best.epoch - 1], 5);
  });
});

describe('the PyTorch program with validation images and early stopping', () => {
  const program = torchProgram(HELD);

  it('cuts the validation images from the end, measures them each epoch, keeps the best state_dict', () => {
    expect(program).toContain('VALIDATION_IMAGES = 10000\nPATIENCE = 2\n');
    expect(program).toContain(
      'train_images, train_labels = all_images[:TRAIN_IMAGES], all_labels[:TRAIN_IMAGES]',
    );
    expect(program).toContain(
      'val_images, val_labels = all_images[-VALIDATION_IMAGES:], all_labels[-VALIDATION_IMAGES:]',
    );
    expect(program).toContain('val_loss, val_accuracy = evaluate(model, val_images, val_labels)');
    expect(program).toContain(
      'best_state = {key: value.clone() for key, value in model.state_dict().items()}',
    );
    expect(program).toContain('model.load_state_dict(best_state)');
    expect(program).toContain(
      'print(f"at the end: test loss {test_loss:.4f}, test accuracy {test_accuracy:.4f}")',
    );
  });

  it('early stopping without validation images monitors the test loss, as the app does', () => {
    const stopping = torchProgram({ ...DEFAULT_SETTINGS, patience: 1 });
    expect(stopping).toContain('if test_loss < best_loss:');
    expect(stopping).not.toContain('VALIDATION_IMAGES');
  });
});
