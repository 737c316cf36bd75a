// The Code view's programs: the default run's Keras program is the reviewed reference text, and
// every generated program parses (Python by Python's own parser, JavaScript by Node's).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kerasProgram } from '../../src/page/programs/kerasProgram';
import { tfjsProgram } from '../../src/page/programs/tfjsProgram';
import { DEFAULT_SETTINGS, type Settings } from '../../src/protocol/settings';

const reference = (name: string) => readFileSync(new URL(`./programs/${name}`, import.meta.url), 'utf8');

/** Python's own parser: throws with Python's message when the program is not valid Python. */
function parsePython(program: string): void {
  execFileSync('python3', ['-c', 'import ast,sys; ast.parse(sys.stdin.read())'], {
    input: program,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

/** Node's parser, for a module (top-level await, import). */
function parseModule(program: string): void {
  const file = join(mkdtempSync(join(tmpdir(), 'program-')), 'program.mjs');
  writeFileSync(file, program);
  execFileSync(process.execPath, ['--check', file], { stdio: ['ignore', 'pipe', 'pipe'] });
}

const RUNS: [string, Settings][] = [
  ['the book run', DEFAULT_SETTINGS],
  ['a small, fast run', { ...DEFAULT_SETTINGS, hidden: 32, train: 1000, epochs: 1, learningRate: 0.05 }],
  ['a tiny rate', { ...DEFAULT_SETTINGS, learningRate: 1e-6, seed: 0 }],
  ['a whole-number rate', { ...DEFAULT_SETTINGS, learningRate: 2 }],
  ['the book ConvNet', { ...DEFAULT_SETTINGS, model: 'convnet', batchSize: 64 }],
  ['an edited ConvNet', { ...DEFAULT_SETTINGS, model: 'convnet', layers: 'f,d128,d64', train: 500 }],
  ['a ConvNet without pooling', { ...DEFAULT_SETTINGS, model: 'convnet', layers: 'c8,c8,f' }],
  ['SGD', { ...DEFAULT_SETTINGS, optimizer: 'sgd', learningRate: 0.01 }],
  ['SGD with momentum', { ...DEFAULT_SETTINGS, optimizer: 'sgd', learningRate: 0.01, momentum: 0.9 }],
  [
    'a ConvNet with Nesterov momentum',
    {
      ...DEFAULT_SETTINGS,
      model: 'convnet',
      optimizer: 'sgd',
      learningRate: 0.05,
      momentum: 0.5,
      nesterov: true,
    },
  ],
  ['Adam', { ...DEFAULT_SETTINGS, optimizer: 'adam', learningRate: 0.001 }],
  ['an Adam ConvNet', { ...DEFAULT_SETTINGS, model: 'convnet', optimizer: 'adam', learningRate: 0.0005 }],
];

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
