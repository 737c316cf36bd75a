import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { DataFileError, pairImagesAndLabels, parseIdxImages, parseIdxLabels } from '../../src/data/idx';

const IMAGES = 'images-idx3-ubyte';
const LABELS = 'labels-idx1-ubyte';

/** An IDX file: big-endian magic and dimensions, then the payload, as the format defines it. */
function idx(magic: number, dims: number[], payload: number[]): Uint8Array {
  const bytes = new Uint8Array(4 + 4 * dims.length + payload.length);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, magic);
  for (const [i, dim] of dims.entries()) view.setUint32(4 + 4 * i, dim);
  bytes.set(payload, 4 + 4 * dims.length);
  return bytes;
}

// Two 3-row, 2-column images.
const imagePixels = [0, 1, 2, 3, 4, 5, 250, 251, 252, 253, 254, 255];
const validImages = () => idx(0x803, [2, 3, 2], imagePixels);
const validLabels = () => idx(0x801, [2], [7, 3]);

function expectDataFileError(parse: () => unknown, file: string, problem: RegExp) {
  let thrown: unknown;
  try {
    parse();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(DataFileError);
  const error = thrown as DataFileError;
  expect(error.file).toBe(file);
  expect(error.message.startsWith(`${file}: `)).toBe(true);
  expect(error.message).toMatch(problem);
}

describe('parseIdxImages', () => {
  test('reads count, rows, cols and the row-major pixels', () => {
    const images = parseIdxImages(validImages(), IMAGES);
    expect([images.count, images.rows, images.cols]).toEqual([2, 3, 2]);
    expect(Array.from(images.pixels)).toEqual(imagePixels);
  });

  test('works on a view that does not start at the beginning of its buffer', () => {
    const padded = new Uint8Array(5 + validImages().length);
    padded.set(validImages(), 5);
    expect(Array.from(parseIdxImages(padded.subarray(5), IMAGES).pixels)).toEqual(imagePixels);
  });

  test('rejects a label file by its magic number', () => {
    expectDataFileError(
      () => parseIdxImages(validLabels(), IMAGES),
      IMAGES,
      /wrong magic number 0x00000801, expected 0x00000803 \(an IDX image file\)/,
    );
  });

  test.each([0, 3, 8, 15])('rejects a header truncated to %i bytes', (length) => {
    expectDataFileError(
      () => parseIdxImages(validImages().subarray(0, length), IMAGES),
      IMAGES,
      /truncated header/,
    );
  });

  test('rejects a truncated payload', () => {
    expectDataFileError(
      () => parseIdxImages(validImages().subarray(0, 27), IMAGES),
      IMAGES,
      /truncated: 27 bytes, but 2 images of 3x2 need 28/,
    );
  });

  test('rejects trailing bytes', () => {
    const long = idx(0x803, [2, 3, 2], [...imagePixels, 9]);
    expectDataFileError(() => parseIdxImages(long, IMAGES), IMAGES, /1 unexpected trailing bytes/);
  });

  test.each([
    [[0, 3, 2], /0 images/],
    [[2, 0, 2], /implausible image size 0x2/],
    [[2, 3, 0], /implausible image size 3x0/],
    [[1, 1025, 1], /implausible image size 1025x1/],
  ])('rejects dimensions %j', (dims, problem) => {
    expectDataFileError(() => parseIdxImages(idx(0x803, dims, []), IMAGES), IMAGES, problem);
  });
});

describe('parseIdxLabels', () => {
  test('reads count and labels', () => {
    const labels = parseIdxLabels(validLabels(), LABELS);
    expect(labels.count).toBe(2);
    expect(Array.from(labels.labels)).toEqual([7, 3]);
  });

  test('rejects an image file by its magic number', () => {
    expectDataFileError(() => parseIdxLabels(validImages(), LABELS), LABELS, /wrong magic number 0x00000803/);
  });

  test.each([0, 2, 7])('rejects a header truncated to %i bytes', (length) => {
    expectDataFileError(
      () => parseIdxLabels(validLabels().subarray(0, length), LABELS),
      LABELS,
      /truncated header/,
    );
  });

  test('rejects a truncated payload and trailing bytes', () => {
    expectDataFileError(() => parseIdxLabels(idx(0x801, [2], [7]), LABELS), LABELS, /truncated/);
    expectDataFileError(() => parseIdxLabels(idx(0x801, [2], [7, 3, 1]), LABELS), LABELS, /trailing/);
  });

  test('rejects zero labels and labels above 9', () => {
    expectDataFileError(() => parseIdxLabels(idx(0x801, [0], []), LABELS), LABELS, /0 labels/);
    expectDataFileError(
      () => parseIdxLabels(idx(0x801, [3], [1, 10, 2]), LABELS),
      LABELS,
      /label 10 at index 1 is outside 0..9/,
    );
  });
});

describe('pairImagesAndLabels', () => {
  const files = { images: IMAGES, labels: LABELS };

  test('joins images and labels of the same count', () => {
    const set = pairImagesAndLabels(
      parseIdxImages(validImages(), IMAGES),
      parseIdxLabels(validLabels(), LABELS),
      files,
    );
    expect([set.count, set.rows, set.cols]).toEqual([2, 3, 2]);
    expect(Array.from(set.labels)).toEqual([7, 3]);
  });

  test('rejects a count mismatch, naming both files', () => {
    const threeLabels = parseIdxLabels(idx(0x801, [3], [1, 2, 3]), LABELS);
    expectDataFileError(
      () => pairImagesAndLabels(parseIdxImages(validImages(), IMAGES), threeLabels, files),
      IMAGES,
      new RegExp(`holds 2 images but ${LABELS} holds 3 labels`),
    );
  });
});

describe('parsers on arbitrary bytes (property)', () => {
  /** Either a DataFileError, or a result whose sizes account for every byte. */
  function parseOrExplain(bytes: Uint8Array) {
    for (const parse of [parseImagesChecked, parseLabelsChecked]) {
      try {
        parse(bytes);
      } catch (error) {
        if (!(error instanceof DataFileError)) throw error;
      }
    }
  }
  function parseImagesChecked(bytes: Uint8Array) {
    const { count, rows, cols, pixels } = parseIdxImages(bytes, IMAGES);
    expect(pixels.length).toBe(count * rows * cols);
    expect(bytes.length).toBe(16 + count * rows * cols);
  }
  function parseLabelsChecked(bytes: Uint8Array) {
    const { count, labels } = parseIdxLabels(bytes, LABELS);
    expect(labels.length).toBe(count);
    expect(bytes.length).toBe(8 + count);
    expect(labels.every((label) => label <= 9)).toBe(true);
  }

  // Small dimensions, so that random headers are sometimes exactly right for the payload.
  const smallImages = fc
    .record({
      count: fc.integer({ min: 0, max: 3 }),
      rows: fc.integer({ min: 0, max: 3 }),
      cols: fc.integer({ min: 0, max: 3 }),
    })
    .chain(({ count, rows, cols }) =>
      fc
        .uint8Array({ minLength: count * rows * cols, maxLength: count * rows * cols })
        .map((payload) => idx(0x803, [count, rows, cols], Array.from(payload))),
    );
  const smallLabels = fc.uint8Array({ minLength: 0, maxLength: 6 }).map((payload) =>
    idx(
      0x801,
      [payload.length],
      Array.from(payload, (label) => label % 12),
    ),
  );
  const files = fc.oneof(smallImages, smallLabels);

  test('random bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => parseOrExplain(bytes)));
  });

  test('valid files, truncated or extended', () => {
    fc.assert(
      fc.property(files, fc.nat(), fc.uint8Array({ maxLength: 4 }), (bytes, cut, extra) => {
        parseOrExplain(bytes.subarray(0, cut % (bytes.length + 1)));
        parseOrExplain(Uint8Array.of(...bytes, ...extra));
      }),
    );
  });

  test('valid files with header bytes overwritten', () => {
    fc.assert(
      fc.property(
        files,
        fc.array(fc.tuple(fc.nat({ max: 15 }), fc.integer({ min: 0, max: 255 })), { maxLength: 3 }),
        (bytes, flips) => {
          const mutated = bytes.slice();
          for (const [index, value] of flips) if (index < mutated.length) mutated[index] = value;
          parseOrExplain(mutated);
        },
      ),
    );
  });
});
