// The Code view for an imported data set: every program names it and its files' SHA-256; the Keras
// program reads its IDX files (gzipped or not) in place of keras.datasets.mnist, which Python runs
// here on the generated shapes data set up to the model (NumPy only: no Keras needed).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { importDataset } from '../../src/data/datasetImport';
import { withDataset } from '../../src/page/programs/datasetProgram';
import { kerasProgram } from '../../src/page/programs/kerasProgram';
import { tfjsProgram } from '../../src/page/programs/tfjsProgram';
import { torchProgram } from '../../src/page/programs/torchProgram';
import { DEFAULT_SETTINGS } from '../../src/protocol/settings';
import { SHAPE_CLASS_NAMES, shapesFiles } from '../cases/shapesDataset';

const files = shapesFiles({ gzip: true, train: 12, test: 6 });
const { identity } = await importDataset(files, { name: 'Shapes', classNames: SHAPE_CLASS_NAMES });

test('MNIST runs keep their programs as they are', () => {
  expect(withDataset(kerasProgram(DEFAULT_SETTINGS), null, 'keras')).toBe(kerasProgram(DEFAULT_SETTINGS));
});

test("every program names the data set, its classes and each file's SHA-256", () => {
  for (const [language, write] of [
    ['keras', kerasProgram],
    ['torch', torchProgram],
    ['tfjs', tfjsProgram],
  ] as const) {
    const program = withDataset(write(DEFAULT_SETTINGS), identity, language);
    expect(program).toContain('Data set: Shapes (imported), classes 0 bar, 1 column, 2 ring;');
    for (const file of Object.values(identity.files)) expect(program).toContain(`${file.file}`);
    for (const file of Object.values(identity.files)) expect(program).toContain(file.sha256);
  }
});

test("the Keras program reads the data set's IDX files, as Python runs it", () => {
  const program = withDataset(kerasProgram({ ...DEFAULT_SETTINGS, train: 12 }), identity, 'keras');
  expect(program).not.toContain('mnist.load_data()');
  const dir = mkdtempSync(join(tmpdir(), 'dataset-program-'));
  for (const file of Object.values(files)) writeFileSync(join(dir, file.name), file.bytes);
  // Everything up to the model, with Keras's to_categorical stood in for by NumPy.
  const upToModel = program.slice(0, program.indexOf('model = keras.Sequential('));
  const runnable = upToModel
    .replace(/^import keras$/m, '')
    .replace(/^from keras.*$/gm, '')
    .replace(/^keras\.utils\.set_random_seed.*$/m, '')
    .concat('print(train_images.shape, test_images.shape, train_labels.shape, list(test_labels[0]))\n');
  const prelude = 'import numpy as np\ndef to_categorical(y, n): return np.eye(n)[y]\n';
  const out = execFileSync('/usr/bin/python3', ['-c', prelude + runnable], { cwd: dir, encoding: 'utf8' });
  expect(out.trim()).toBe('(12, 784) (6, 784) (12, 10) [1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]');
});

test("the weights' metadata names an imported data set and its files' SHA-256", async () => {
  const { torchMetadata } = await import('../../src/page/torchWeights');
  const settings = { ...DEFAULT_SETTINGS, train: 100 };
  const model = {
    inputShape: [784],
    layers: [{ kind: 'dense' as const, units: 10, activation: 'softmax' as const }],
    weights: [],
    settings,
  };
  const { dataset } = torchMetadata(model, identity);
  expect(dataset).toContain('Shapes, imported (classes bar, column, ring)');
  expect(dataset).toContain(
    `shapes-train-images-idx3-ubyte.gz (SHA-256 ${identity.files.trainImages.sha256})`,
  );
  expect(dataset).toContain('the first 12 training images; tested on the 6 test images');
  expect(torchMetadata(model).dataset).toMatch(/^MNIST from the app's IDX files/);
});
