// The user's digits as MNIST's own IDX files, a training part and a test part (the digits kept for
// testing), which Keras, PyTorch and NumPy read; and those files read back into digits. Written in the
// order the digits were made, so digits exported, imported and exported again give the same bytes.
import {
  DataFileError,
  type LabelledImages,
  pairImagesAndLabels,
  parseIdxImages,
  parseIdxLabels,
} from './idx';
import { compressionStreamGzip, type Gzip, writeIdxImages, writeIdxLabels } from './idxWriter';
import { IMAGE_SIDE, PIXELS } from './mnist';
import { inOrderMade, USER_DIGIT_SCHEMA, type UserDigit } from './userDigit';

/** The files' names, as MNIST's are named. */
export const USER_DIGIT_FILES = {
  train: { images: 'my-digits-train-images-idx3-ubyte', labels: 'my-digits-train-labels-idx1-ubyte' },
  test: { images: 'my-digits-t10k-images-idx3-ubyte', labels: 'my-digits-t10k-labels-idx1-ubyte' },
} as const;

export type UserDigitPart = keyof typeof USER_DIGIT_FILES;

/** One part as IDX files' bytes. */
export interface IdxPair {
  images: Uint8Array;
  labels: Uint8Array;
}

/** A part is null when it has no digits: an IDX file holds at least one image. */
export type UserDigitsIdx = Record<UserDigitPart, IdxPair | null>;

export function userDigitsToIdx(digits: readonly UserDigit[]): UserDigitsIdx {
  const part = (testOnly: boolean): IdxPair | null => {
    const chosen = digits.filter((digit) => digit.testOnly === testOnly).sort(inOrderMade);
    if (chosen.length === 0) return null;
    const pixels = new Uint8Array(chosen.length * PIXELS);
    for (const [i, digit] of chosen.entries()) pixels.set(digit.pixels, i * PIXELS);
    return {
      images: writeIdxImages({ count: chosen.length, rows: IMAGE_SIDE, cols: IMAGE_SIDE, pixels }),
      labels: writeIdxLabels(Uint8Array.from(chosen, (digit) => digit.label)),
    };
  };
  return { train: part(false), test: part(true) };
}

/** The parts as files to save: gzipped (as MNIST ships), named, the training part first. */
export async function userDigitFiles(
  idx: UserDigitsIdx,
  gzip: Gzip = compressionStreamGzip,
): Promise<{ name: string; bytes: Uint8Array }[]> {
  const files = [];
  for (const part of ['train', 'test'] as const) {
    const pair = idx[part];
    if (!pair) continue;
    files.push({ name: `${USER_DIGIT_FILES[part].images}.gz`, bytes: await gzip(pair.images) });
    files.push({ name: `${USER_DIGIT_FILES[part].labels}.gz`, bytes: await gzip(pair.labels) });
  }
  return files;
}

export interface DigitsFromIdxOptions {
  /** The first digit's creation time; each next one a millisecond later, keeping the files' order. */
  now: number;
  newId: () => string;
  /** The files' names for messages; USER_DIGIT_FILES by default. */
  names?: Partial<Record<UserDigitPart, { images: string; labels: string }>>;
}

/**
 * Digits from IDX files (inflated), each part checked by the strict reader: 28x28 images, labels 0..9,
 * as many labels as images. Throws a DataFileError naming the file. The digits keep no strokes.
 */
export function userDigitsFromIdx(
  idx: Partial<UserDigitsIdx>,
  { now, newId, names = {} }: DigitsFromIdxOptions,
): UserDigit[] {
  const digits: UserDigit[] = [];
  for (const part of ['train', 'test'] as const) {
    const pair = idx[part];
    if (!pair) continue;
    const files = names[part] ?? USER_DIGIT_FILES[part];
    const set = readPart(pair, files);
    for (let i = 0; i < set.count; i++) {
      digits.push({
        schema: USER_DIGIT_SCHEMA,
        id: newId(),
        label: set.labels[i],
        pixels: set.pixels.slice(i * PIXELS, (i + 1) * PIXELS),
        drawing: null,
        testOnly: part === 'test',
        createdAt: now + digits.length,
      });
    }
  }
  return digits;
}

function readPart(pair: IdxPair, files: { images: string; labels: string }): LabelledImages {
  const images = parseIdxImages(pair.images, files.images);
  if (images.rows !== IMAGE_SIDE || images.cols !== IMAGE_SIDE)
    throw new DataFileError(
      files.images,
      `holds images of ${images.rows}x${images.cols}; digits are ${IMAGE_SIDE}x${IMAGE_SIDE}`,
    );
  return pairImagesAndLabels(images, parseIdxLabels(pair.labels, files.labels), files);
}
