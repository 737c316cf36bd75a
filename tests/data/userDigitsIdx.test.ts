// The user's digits to IDX files and back: the default test split (every fifth drawing of each
// digit), the two parts, the byte-identical round trip through gzip (zlib here, as the browser's
// CompressionStream in the app), and files refused by the strict reader naming the file.
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { DataFileError, parseIdxImages, parseIdxLabels } from '../../src/data/idx';
import { writeIdxImages, writeIdxLabels } from '../../src/data/idxWriter';
import { strokesToMnist } from '../../src/data/strokes';
import { nextIsForTesting, TEST_EVERY, withDefaultSplit } from '../../src/data/testSplit';
import { inputToPixels, USER_DIGIT_SCHEMA, type UserDigit } from '../../src/data/userDigit';
import { userDigitFiles, userDigitsFromIdx, userDigitsToIdx } from '../../src/data/userDigitsIdx';
import { SIZE } from '../../src/ui/drawing';
import { drawnDigits } from '../cases/drawnStrokes';

const PAD = { width: SIZE, height: SIZE };
const zlibGzip = async (bytes: Uint8Array) => new Uint8Array(gzipSync(bytes));

/** The fixture's 60 drawings as the user's digits, drawn in the fixture's order, split by the rule. */
const userDigits = (): UserDigit[] => FIXTURE_DIGITS.map((d) => ({ ...d }));
const FIXTURE_DIGITS = madeDigits();

function madeDigits(): UserDigit[] {
  const digits: UserDigit[] = [];
  for (const [i, { label, strokes }] of drawnDigits.entries()) {
    digits.push({
      schema: USER_DIGIT_SCHEMA,
      id: `d${i}`,
      label,
      pixels: inputToPixels(strokesToMnist(strokes, PAD) as Float32Array),
      drawing: { strokes, pad: PAD },
      testOnly: nextIsForTesting(digits, label),
      createdAt: 1000 + i,
    });
  }
  return digits;
}

let ids = 0;
const options = () => ({ now: 5000, newId: () => `imported-${ids++}` });

describe('the default test split', () => {
  test('every fifth drawing of each digit is kept for testing', () => {
    const digits = userDigits();
    for (let label = 0; label < 10; label++) {
      const marks = digits.filter((d) => d.label === label).map((d) => d.testOnly);
      expect(marks, `the ${label}s`).toEqual([false, false, false, false, true, false]);
    }
    expect(TEST_EVERY).toBe(5);
    expect(nextIsForTesting([{ label: 3 }, { label: 3 }, { label: 3 }, { label: 3 }, { label: 1 }], 3)).toBe(
      true,
    );
    expect(nextIsForTesting([{ label: 3 }, { label: 3 }, { label: 3 }, { label: 3 }], 1)).toBe(false);
  });

  test('applied afresh, it follows the order the digits were made in, whatever order they come in', () => {
    const digits = userDigits().map((d) => ({ ...d, testOnly: !d.testOnly }));
    const split = withDefaultSplit([...digits].reverse());
    expect(split.map((d) => d.id)).toEqual(digits.map((d) => d.id));
    expect(split.map((d) => d.testOnly)).toEqual(userDigits().map((d) => d.testOnly));
  });
});

describe('to IDX files and back', () => {
  test('two parts: the training digits and the test digits, each in the order made', () => {
    const digits = userDigits();
    const { train, test: testPart } = userDigitsToIdx([...digits].reverse());
    const trainImages = parseIdxImages(train?.images as Uint8Array, 'train');
    const testLabels = parseIdxLabels(testPart?.labels as Uint8Array, 'test');
    expect([trainImages.count, trainImages.rows, trainImages.cols, testLabels.count]).toEqual([
      50, 28, 28, 10,
    ]);
    expect(Array.from(testLabels.labels)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(trainImages.pixels.subarray(0, 784)).toEqual(digits[0].pixels);
  });

  test('exported, gzipped, inflated, imported and exported again: the same bytes', async () => {
    const first = userDigitsToIdx(userDigits());
    const files = await userDigitFiles(first, zlibGzip);
    expect(files.map((f) => f.name)).toEqual([
      'my-digits-train-images-idx3-ubyte.gz',
      'my-digits-train-labels-idx1-ubyte.gz',
      'my-digits-t10k-images-idx3-ubyte.gz',
      'my-digits-t10k-labels-idx1-ubyte.gz',
    ]);
    const [trainImages, trainLabels, testImages, testLabels] = files.map(
      (f) => new Uint8Array(gunzipSync(f.bytes)),
    );
    const imported = userDigitsFromIdx(
      {
        train: { images: trainImages, labels: trainLabels },
        test: { images: testImages, labels: testLabels },
      },
      options(),
    );
    expect(imported).toHaveLength(60);
    expect(imported.filter((d) => d.testOnly)).toHaveLength(10);
    expect(imported.every((d) => d.drawing === null && d.createdAt >= 5000)).toBe(true);
    const again = userDigitsToIdx(imported);
    for (const part of ['train', 'test'] as const)
      for (const file of ['images', 'labels'] as const)
        expect(
          Buffer.from(again[part]?.[file] as Uint8Array).equals(
            Buffer.from(first[part]?.[file] as Uint8Array),
          ),
        ).toBe(true);
  });

  test('a part with no digits is no file; either part may be imported alone', async () => {
    const onlyTraining = userDigits().filter((d) => !d.testOnly);
    const idx = userDigitsToIdx(onlyTraining);
    expect(idx.test).toBeNull();
    expect(await userDigitFiles(idx, zlibGzip)).toHaveLength(2);
    expect(userDigitsToIdx([])).toEqual({ train: null, test: null });
    expect(userDigitsFromIdx({ train: idx.train }, options())).toHaveLength(50);
  });

  test('files the strict reader refuses are refused naming the file', () => {
    const idx = userDigitsToIdx(userDigits());
    const test = idx.test as { images: Uint8Array; labels: Uint8Array };
    const read = (pair: { images: Uint8Array; labels: Uint8Array }) => () =>
      userDigitsFromIdx(
        { test: pair },
        { ...options(), names: { test: { images: 'mine-images', labels: 'mine-labels' } } },
      );
    expect(read({ images: test.images, labels: test.labels.subarray(0, 12) })).toThrow(
      new DataFileError('mine-labels', 'truncated: 12 bytes, but 10 labels need 18'),
    );
    expect(read({ images: test.labels, labels: test.labels })).toThrow(/^mine-images: wrong magic number/);
    const big = writeIdxImages({ count: 10, rows: 32, cols: 32, pixels: new Uint8Array(10240) });
    expect(read({ images: big, labels: test.labels })).toThrow(
      'mine-images: holds images of 32x32; digits are 28x28',
    );
    expect(read({ images: test.images, labels: writeIdxLabels(new Uint8Array(9)) })).toThrow(
      'mine-images: holds 10 images but mine-labels holds 9 labels',
    );
  });
});
