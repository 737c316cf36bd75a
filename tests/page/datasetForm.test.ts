// The Import a data set form read on the page: a good data set becomes what the worker receives,
// and a bad one is refused with the importer's message naming the file, before the worker is asked.
import { gzipSync } from 'node:zlib';
import { expect, test } from 'vitest';
import { classCount, className } from '../../src/page/classNames';
import { datasetName, parseClassNames, readDatasetForm } from '../../src/page/datasetForm';
import { SHAPE_CLASS_NAMES, shapesFiles } from '../cases/shapesDataset';

const asFiles = (files: ReturnType<typeof shapesFiles>) =>
  Object.fromEntries(
    Object.entries(files).map(([role, f]) => [role, new File([f.bytes as Uint8Array<ArrayBuffer>], f.name)]),
  );

test('class names are comma-separated, trimmed; none typed means the labels are the names', () => {
  expect(parseClassNames(' bar, column ,ring ')).toEqual(['bar', 'column', 'ring']);
  expect(parseClassNames('  ')).toBeUndefined();
  expect(classCount(null)).toBe(10);
  expect(classCount(SHAPE_CLASS_NAMES)).toBe(3);
  expect(className(null, 7)).toBe('7');
  expect(className(SHAPE_CLASS_NAMES, 2)).toBe('ring');
});

test("a data set's name is the one typed, or made from the training images' file name", () => {
  expect(datasetName(' Fashion-MNIST ', 'x')).toBe('Fashion-MNIST');
  expect(datasetName('', 'kmnist-train-images-idx3-ubyte.gz')).toBe('kmnist');
  expect(datasetName('', 'train-images-idx3-ubyte.gz')).toBe('Imported data set');
});

test('a good data set, gzipped, becomes the upload with its identity and class names', async () => {
  const result = await readDatasetForm({
    files: asFiles(shapesFiles({ gzip: true, train: 9, test: 6 })),
    name: 'shapes',
    classNames: SHAPE_CLASS_NAMES.join(', '),
  });
  if (!('upload' in result)) throw new Error(result.problem.message);
  const { identity, train, test: testSet } = result.upload;
  expect(identity.name).toBe('shapes');
  expect(identity.classNames).toEqual(SHAPE_CLASS_NAMES);
  expect(identity.files.trainImages.file).toBe('shapes-train-images-idx3-ubyte.gz');
  expect([train.count, testSet.count]).toEqual([9, 6]);
});

test("a bad file is refused with the importer's message naming it; a missing one is named too", async () => {
  const files = shapesFiles({ train: 9, test: 6 });
  const bad = { ...files, testLabels: { name: files.testLabels.name, bytes: files.trainLabels.bytes } };
  const result = await readDatasetForm({ files: asFiles(bad), name: '', classNames: '' });
  expect(result).toEqual({
    problem: {
      file: 'shapes-t10k-images-idx3-ubyte',
      message:
        'shapes-t10k-images-idx3-ubyte: holds 6 images but shapes-t10k-labels-idx1-ubyte holds 9 labels.',
    },
  });
  const missing = await readDatasetForm({
    files: { ...asFiles(files), testImages: null },
    name: 'x',
    classNames: '',
  });
  expect(missing).toEqual({
    problem: { file: null, message: 'The data set cannot be imported: the test images are missing.' },
  });
  const gzipped = new Uint8Array(gzipSync(files.trainImages.bytes));
  gzipped[gzipped.length - 6] ^= 0xff; // damaged CRC or length
  const damaged = await readDatasetForm({
    files: { ...asFiles(files), trainImages: new File([gzipped], 'train.gz') },
    name: 'x',
    classNames: '',
  });
  expect('problem' in damaged && damaged.problem.file).toBe('train.gz');
});
