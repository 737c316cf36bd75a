// Importing an MNIST-format data set: a good one is read and named (SHA-256 of each file's IDX
// bytes); each way a file can be wrong is refused with a message naming the file and the problem.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { readDatasetIdentity } from '../../src/data/datasetIdentity';
import { type DatasetFiles, DatasetImportError, importDataset } from '../../src/data/datasetImport';
import { writeIdxImages, writeIdxLabels } from '../../src/data/idxWriter';
import { SHAPE_CLASS_NAMES, shapesFiles, shapesIdx } from '../cases/shapesDataset';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function refusal(
  files: DatasetFiles,
  options = { name: 'Shapes' } as Parameters<typeof importDataset>[1],
) {
  try {
    await importDataset(files, options);
  } catch (error) {
    expect(error).toBeInstanceOf(DatasetImportError);
    return (error as DatasetImportError).message;
  }
  throw new Error('the data set was accepted');
}

/** The shapes data set with one file replaced. */
const withFile = (role: keyof DatasetFiles, name: string, bytes: Uint8Array): DatasetFiles => ({
  ...shapesFiles(),
  [role]: { name, bytes },
});

describe('a good data set', () => {
  test('gzipped, is read with its identity: name, class names, SHA-256 of each IDX file, counts', async () => {
    const idx = shapesIdx();
    const {
      identity,
      train,
      test: testSet,
    } = await importDataset(shapesFiles({ gzip: true }), {
      name: 'Shapes',
      classNames: SHAPE_CLASS_NAMES,
    });
    expect([train.count, train.rows, train.cols, testSet.count]).toEqual([90, 28, 28, 30]);
    expect(Array.from(train.labels.subarray(0, 4))).toEqual([0, 1, 2, 0]);
    expect(identity).toEqual({
      name: 'Shapes',
      classNames: ['bar', 'column', 'ring'],
      files: {
        trainImages: {
          file: 'shapes-train-images-idx3-ubyte.gz',
          sha256: sha256(idx.trainImages),
          bytes: 16 + 90 * 784,
        },
        trainLabels: {
          file: 'shapes-train-labels-idx1-ubyte.gz',
          sha256: sha256(idx.trainLabels),
          bytes: 98,
        },
        testImages: {
          file: 'shapes-t10k-images-idx3-ubyte.gz',
          sha256: sha256(idx.testImages),
          bytes: 16 + 30 * 784,
        },
        testLabels: { file: 'shapes-t10k-labels-idx1-ubyte.gz', sha256: sha256(idx.testLabels), bytes: 38 },
      },
      trainCount: 90,
      testCount: 30,
    });
    // A plain object that survives storage and is read back the same.
    expect(readDatasetIdentity(JSON.parse(JSON.stringify(identity)))).toEqual(identity);
  });

  test('plain or gzipped, the same data set has the same identity; class names default to the labels', async () => {
    const plain = await importDataset(shapesFiles(), { name: 'Shapes' });
    const gzipped = await importDataset(shapesFiles({ gzip: true }), { name: 'Shapes' });
    expect(plain.identity.classNames).toEqual(['0', '1', '2']);
    expect(plain.identity.files.testImages.sha256).toBe(gzipped.identity.files.testImages.sha256);
    expect(plain.train.pixels).toEqual(gzipped.train.pixels);
  });
});

describe('refusals name the file and the problem', () => {
  const idx = shapesIdx();

  test('a label file given as images, and images given as labels', async () => {
    expect(await refusal(withFile('trainImages', 'labels.gz', idx.trainLabels))).toBe(
      'labels.gz: is an IDX label file, given as the training images.',
    );
    expect(await refusal(withFile('testLabels', 'images', idx.testImages))).toBe(
      'images: is an IDX image file, given as the test labels.',
    );
  });

  test('no IDX file at all, another data type, colour images', async () => {
    const png = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10);
    expect(await refusal(withFile('trainImages', 'digit.png', png))).toBe(
      'digit.png: is not an IDX file (it does not start with two zero bytes).',
    );
    const floats = idx.trainImages.slice();
    floats[2] = 0x0d;
    expect(await refusal(withFile('trainImages', 'floats', floats))).toBe(
      'floats: holds IDX data of type 0x0d; this app reads unsigned bytes (0x08).',
    );
    const colour = idx.trainImages.slice();
    colour[3] = 4;
    expect(await refusal(withFile('trainImages', 'colour', colour))).toBe(
      'colour: has 4 dimensions; images have 3 (count, rows, columns), grayscale only.',
    );
  });

  test('images that are not 28x28', async () => {
    const big = writeIdxImages({ count: 90, rows: 32, cols: 32, pixels: new Uint8Array(90 * 1024) });
    expect(await refusal(withFile('trainImages', 'big', big))).toBe(
      'big: holds images of 32x32; this app reads 28x28.',
    );
  });

  test('counts that do not match, truncated and over-long files', async () => {
    expect(await refusal(withFile('testLabels', 'short-labels', writeIdxLabels(new Uint8Array(29))))).toBe(
      'shapes-t10k-images-idx3-ubyte: holds 30 images but short-labels holds 29 labels.',
    );
    expect(await refusal(withFile('testImages', 'cut', idx.testImages.subarray(0, 1000)))).toMatch(
      /^cut: truncated: 1000 bytes, but 30 images of 28x28 need 23536\.$/,
    );
    const long = new Uint8Array(idx.trainLabels.length + 3);
    long.set(idx.trainLabels);
    expect(await refusal(withFile('trainLabels', 'long', long))).toMatch(
      /^long: 3 unexpected trailing bytes/,
    );
  });

  test('labels past 9, or past the class names given', async () => {
    const labels = idx.trainLabels.slice();
    labels[8 + 5] = 12;
    expect(await refusal(withFile('trainLabels', 'labels', labels))).toBe(
      'labels: label 12 at index 5 is outside 0..9.',
    );
    expect(await refusal(shapesFiles(), { name: 'Shapes', classNames: ['bar', 'column'] })).toBe(
      'shapes-train-labels-idx1-ubyte: label 2 at index 2 has no class name (2 given).',
    );
  });

  test('a test label of a class the training set lacks', async () => {
    const labels = idx.testLabels.slice();
    labels[8 + 4] = 7;
    expect(await refusal(withFile('testLabels', 'test-labels', labels))).toBe(
      'test-labels: label 7 at index 4 is a class no training image has.',
    );
  });

  test('the training images given again as the test images', async () => {
    const files = shapesFiles();
    expect(
      await refusal({
        ...files,
        testImages: { name: 'again', bytes: files.trainImages.bytes },
        testLabels: files.trainLabels,
      }),
    ).toBe('again: holds the same images as the training images.');
  });

  test('damaged gzip data', async () => {
    const files = shapesFiles({ gzip: true });
    const cut = files.trainImages.bytes.subarray(0, 200);
    expect(await refusal({ ...files, trainImages: { name: 'cut.gz', bytes: cut } })).toMatch(
      /^cut\.gz: is damaged gzip data/,
    );
  });

  test('past the size cap, plain or inflated, before more is read', async () => {
    const files = shapesFiles({ gzip: true });
    expect(await refusal(files, { name: 'Shapes', maxBytes: 50_000 })).toBe(
      'shapes-train-images-idx3-ubyte.gz: takes the data set past 50000 bytes of IDX data, the most this app imports.',
    );
    const bomb = new Uint8Array(gzipSync(new Uint8Array(30e6)));
    expect(await refusal(withFile('testImages', 'bomb.gz', bomb), { name: 'Shapes', maxBytes: 10e6 })).toBe(
      'bomb.gz: takes the data set past 10 MB of IDX data, the most this app imports.',
    );
  });

  test('a name or class names that cannot name a data set', async () => {
    expect(await refusal(shapesFiles(), { name: ' ' })).toBe(
      'The data set cannot be imported: it has no name.',
    );
    expect(await refusal(shapesFiles(), { name: 'x'.repeat(81) })).toMatch(
      /name is longer than 80 characters/,
    );
    expect(await refusal(shapesFiles(), { name: 'S', classNames: ['a', 'b', 'a'] })).toBe(
      'The data set cannot be imported: classes 0 and 2 are both named a.',
    );
    expect(
      await refusal(shapesFiles(), { name: 'S', classNames: Array.from({ length: 11 }, (_, i) => `c${i}`) }),
    ).toMatch(/11 class names; a data set has 2 to 10 classes/);
  });

  test('a file missing', async () => {
    const { testLabels: _, ...three } = shapesFiles();
    expect(await refusal(three as DatasetFiles)).toBe(
      'The data set cannot be imported: the test labels are missing.',
    );
  });

  test('one class only', async () => {
    const one = writeIdxLabels(new Uint8Array(90));
    const oneTest = writeIdxLabels(new Uint8Array(30));
    const files = {
      ...withFile('trainLabels', 'zeros', one),
      testLabels: { name: 'zeros-test', bytes: oneTest },
    };
    expect(await refusal(files)).toBe('zeros: every label is 0; a data set has 2 to 10 classes.');
  });
});
