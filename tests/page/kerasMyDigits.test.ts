// The Keras program with "Train on my digits too" reads the files that Export writes: its data lines
// run in Python (numpy) on files exported here, finding the digits and their labels, and adding the
// copies the app's mix makes in an epoch; without the setting the program does not change.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from 'vitest';
import { USER_DIGIT_SCHEMA, type UserDigit } from '../../src/data/userDigit';
import { userDigitFiles, userDigitsToIdx } from '../../src/data/userDigitsIdx';
import { kerasMyDigitsData } from '../../src/page/programs/kerasMyDigits';
import { kerasProgram } from '../../src/page/programs/kerasProgram';
import { DEFAULT_SETTINGS } from '../../src/protocol/settings';

const digit = (i: number, testOnly: boolean): UserDigit => ({
  schema: USER_DIGIT_SCHEMA,
  id: `d${i}`,
  label: i % 10,
  pixels: new Uint8Array(784).fill(i),
  drawing: null,
  testOnly,
  createdAt: 1000 + i,
});

test('the data lines read the exported files and mix the training digits in', async () => {
  const digits = Array.from({ length: 12 }, (_, i) => digit(i, i >= 10));
  const dir = mkdtempSync(join(tmpdir(), 'keras-my-digits-'));
  for (const file of await userDigitFiles(userDigitsToIdx(digits), async (b) => new Uint8Array(gzipSync(b))))
    writeFileSync(join(dir, file.name), file.bytes);
  const script = [
    'import gzip',
    'import math',
    'import numpy as np',
    'train_images = np.zeros((1000, 28, 28), np.uint8)',
    'train_labels = np.zeros(1000, np.uint8)',
    'batch_size = 128',
    ...kerasMyDigitsData((count) => `(${count}, 28 * 28)`),
    'print(my_images.shape, list(my_labels), my_test_images.shape, list(my_test_labels), per_batch, copies, len(train_labels))',
  ].join('\n');
  const out = execFileSync('/usr/bin/python3', ['-c', script], { cwd: dir, encoding: 'utf8' });
  // 10 training digits: 10 of a batch of 128 (no more than there are), 9 batches of 118 MNIST
  // images, 90 rows of the user's digits: 9 copies (extraRowsPerBatch and mixedBatchCount agree).
  expect(out.trim()).toBe('(10, 28, 28) [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] (2, 784) [0, 1] 10 9 1090');
});

test('the program reads them only with the setting', () => {
  expect(kerasProgram(DEFAULT_SETTINGS)).not.toContain('my-digits');
  const program = kerasProgram({ ...DEFAULT_SETTINGS, myDigits: true });
  for (const name of [
    'my-digits-train-images-idx3-ubyte.gz',
    'my-digits-train-labels-idx1-ubyte.gz',
    'my-digits-t10k-images-idx3-ubyte.gz',
    'my-digits-t10k-labels-idx1-ubyte.gz',
  ])
    expect(program).toContain(`"${name}"`);
  expect(program).toContain('your test digits');
  execFileSync('/usr/bin/python3', ['-c', 'import ast,sys; ast.parse(sys.stdin.read())'], { input: program });
});
