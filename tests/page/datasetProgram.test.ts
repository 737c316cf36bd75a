// The Code view for an imported data set: every program names it and its files' SHA-256; the Keras
// program reads its IDX files (gzipped or not) in place of keras.datasets.mnist, which Python runs
// here on the generated shapes data set up to the model (NumPy only: no Keras needed).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { expect, test } from 'vitest';
import { importDataset } from '../../src/data/datasetImport';
import { withDataset } from '../../src/page/programs/datasetProgram';
import { kerasProgram } from '../../src/page/programs/kerasProgram';
import { tfjsProgram } from '../../src/page/programs/tfjsProgram';
import { torchProgram } from '../../src/page/programs/torchProgram';
import { DEFAULT_SETTINGS } from '../../src/protocol/settings';
import { RUNS } from '../cases/programRuns';
import { SHAPE_CLASS_NAMES, shapesFiles } from '../cases/shapesDataset';
import { parseModule, parsePython } from './parsePrograms';

/** Each language's program writer. */
const PROGRAMS = [
  ['keras', kerasProgram],
  ['torch', torchProgram],
  ['tfjs', tfjsProgram],
] as const;

const files = shapesFiles({ gzip: true, train: 12, test: 6 });
const { identity } = await importDataset(files, { name: 'Shapes', classNames: SHAPE_CLASS_NAMES });

test('MNIST runs keep their programs as they are', () => {
  expect(withDataset(kerasProgram(DEFAULT_SETTINGS), null, 'keras', DEFAULT_SETTINGS)).toBe(
    kerasProgram(DEFAULT_SETTINGS),
  );
});

test("every program names the data set, its classes and each file's SHA-256", () => {
  for (const [language, write] of PROGRAMS) {
    const program = withDataset(write(DEFAULT_SETTINGS), identity, language, DEFAULT_SETTINGS);
    expect(program).toContain('Data set: Shapes (imported), classes 0 bar, 1 column, 2 ring;');
    for (const file of Object.values(identity.files)) expect(program).toContain(`${file.file}`);
    for (const file of Object.values(identity.files)) expect(program).toContain(file.sha256);
  }
});

test("the Keras program reads the data set's IDX files, as Python runs it", () => {
  const twelve = { ...DEFAULT_SETTINGS, train: 12 };
  const program = withDataset(kerasProgram(twelve), identity, 'keras', twelve);
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

test('the PyTorch and TF.js programs read its files under their own names, with its counts', () => {
  const settings = { ...DEFAULT_SETTINGS, train: 10, validation: 4 };
  const torch = withDataset(torchProgram(settings), identity, 'torch', settings);
  expect(torch).not.toContain('{kind}-images');
  expect(torch).toContain(
    '"train": ("shapes-train-images-idx3-ubyte.gz", "shapes-train-labels-idx1-ubyte.gz"),',
  );
  expect(torch).toContain(
    '"t10k": ("shapes-t10k-images-idx3-ubyte.gz", "shapes-t10k-labels-idx1-ubyte.gz"),',
  );
  // 12 training images, the last 4 held out: 8 trained on; 6 test images.
  expect(torch).toContain('TRAIN_IMAGES = 8\n');
  expect(torch).toContain('TEST_IMAGES = 6\n');
  expect(torch).toContain('load_mnist(args.data, "train", 12)');
  const tfjs = withDataset(tfjsProgram(settings), identity, 'tfjs', settings);
  expect(tfjs).not.toContain("'mnist/'");
  expect(tfjs).toContain(
    "loadMnist('shapes-train-images-idx3-ubyte.gz', 'shapes-train-labels-idx1-ubyte.gz', 12)",
  );
  expect(tfjs).toContain('all.images.slice(0, 8)');
  expect(tfjs).toContain('all.images.slice(8)');
  expect(tfjs).toContain(
    "loadMnist('shapes-t10k-images-idx3-ubyte.gz', 'shapes-t10k-labels-idx1-ubyte.gz', 6)",
  );
  const plain = withDataset(tfjsProgram(DEFAULT_SETTINGS), identity, 'tfjs', DEFAULT_SETTINGS);
  expect(plain).toContain(
    "loadMnist('shapes-train-images-idx3-ubyte.gz', 'shapes-train-labels-idx1-ubyte.gz', 12)",
  );
});

test("the TF.js program's reader, run in Node, loads the data set's files gzipped and not", async () => {
  const program = withDataset(tfjsProgram(DEFAULT_SETTINGS), identity, 'tfjs', DEFAULT_SETTINGS);
  // readIdx and loadMnist as the program has them, with fetch reading these files.
  const functions = program.slice(program.indexOf('/** An IDX file'), program.indexOf('const train = await'));
  for (const gzip of [true, false]) {
    const served = Object.values(shapesFiles({ gzip, train: 12, test: 6 }));
    // The bytes of the file of that name, gzipped or not as this round serves them.
    const fetch = async (url: string) => {
      const file = served.find((f) => f.name.replace(/\.gz$/, '') === url.replace(/\.gz$/, ''));
      if (!file) throw new Error(`no file ${url}`);
      return new Response(file.bytes.slice().buffer as ArrayBuffer);
    };
    const names = Object.values(identity.files).map((f) => `'${f.file}'`);
    const load = new Function(
      'tf',
      'fetch',
      `${functions}\nreturn Promise.all([loadMnist(${names[0]}, ${names[1]}, 12), loadMnist(${names[2]}, ${names[3]}, 6)]);`,
    );
    const [train, test] = await load(tf, fetch);
    expect(train.images.shape).toEqual([12, 784]);
    expect(test.labels.shape).toEqual([6, 10]);
    expect(Array.from(await test.labels.argMax(1).data())).toEqual([0, 1, 2, 0, 1, 2]);
    const pixels = await train.images.data();
    expect(Math.max(...pixels)).toBeLessThanOrEqual(1);
    expect(Math.max(...pixels)).toBeGreaterThan(0.9);
  }
});

test.each(RUNS)('for %s, every language reads the data set and parses', (_, settings) => {
  for (const [language, write] of PROGRAMS) {
    const program = withDataset(write(settings), identity, language, settings);
    expect(program, language).not.toMatch(/mnist\/'|mnist\.load_data|\{kind\}-images/);
    if (language === 'tfjs') parseModule(program);
    else parsePython(program);
  }
});

test('a program whose text no longer has what the rewrite replaces fails loudly, never reads MNIST quietly', () => {
  const changed = torchProgram(DEFAULT_SETTINGS).replace('def load_mnist(', 'def load_images(');
  expect(() => withDataset(changed, identity, 'torch', DEFAULT_SETTINGS)).toThrow(/no longer has the text/);
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
