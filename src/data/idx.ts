// IDX is the file format MNIST ships in: a big-endian header (magic number, then one uint32 per
// dimension) followed by the raw uint8 payload. Format: http://yann.lecun.com/exdb/mnist/ ("FILE FORMATS").
// Every check below exists so that a truncated or corrupt download fails with a message naming the file
// instead of training on garbage.

export const IDX_IMAGES_MAGIC = 0x00000803; // uint8 data, 3 dimensions
export const IDX_LABELS_MAGIC = 0x00000801; // uint8 data, 1 dimension
const IMAGES_HEADER_BYTES = 16;
const LABELS_HEADER_BYTES = 8;
const MAX_SIDE = 1024;
const CLASSES = 10;

/** A data file is missing, truncated or not what it claims to be. `file` is the file's name. */
export class DataFileError extends Error {
  readonly file: string;
  /** The message without the file's name. */
  readonly problem: string;

  constructor(file: string, problem: string, options?: ErrorOptions) {
    super(`${file}: ${problem}`, options);
    this.name = 'DataFileError';
    this.file = file;
    this.problem = problem;
  }
}

export interface IdxImages {
  count: number;
  rows: number;
  cols: number;
  /** count × rows × cols bytes, row-major, 0 = background, 255 = full ink. A view into the input. */
  pixels: Uint8Array;
}

export interface IdxLabels {
  count: number;
  /** One class 0..9 per image. A view into the input. */
  labels: Uint8Array;
}

export interface LabelledImages extends IdxImages {
  labels: Uint8Array;
}

export function parseIdxImages(bytes: Uint8Array, file: string): IdxImages {
  const header = readHeader(bytes, file, IDX_IMAGES_MAGIC, IMAGES_HEADER_BYTES, 'an IDX image file');
  const [count, rows, cols] = [header.getUint32(4), header.getUint32(8), header.getUint32(12)];
  if (count === 0) throw new DataFileError(file, 'header says it holds 0 images');
  if (rows === 0 || cols === 0 || rows > MAX_SIDE || cols > MAX_SIDE) {
    throw new DataFileError(
      file,
      `implausible image size ${rows}x${cols} (each side must be 1..${MAX_SIDE})`,
    );
  }
  // count < 2^32 and rows*cols <= 2^20, so the expected length stays below 2^53 and is exact.
  checkLength(bytes, file, IMAGES_HEADER_BYTES + count * rows * cols, `${count} images of ${rows}x${cols}`);
  return { count, rows, cols, pixels: bytes.subarray(IMAGES_HEADER_BYTES) };
}

export function parseIdxLabels(bytes: Uint8Array, file: string): IdxLabels {
  const header = readHeader(bytes, file, IDX_LABELS_MAGIC, LABELS_HEADER_BYTES, 'an IDX label file');
  const count = header.getUint32(4);
  if (count === 0) throw new DataFileError(file, 'header says it holds 0 labels');
  checkLength(bytes, file, LABELS_HEADER_BYTES + count, `${count} labels`);
  const labels = bytes.subarray(LABELS_HEADER_BYTES);
  const bad = labels.findIndex((label) => label >= CLASSES);
  if (bad >= 0)
    throw new DataFileError(file, `label ${labels[bad]} at index ${bad} is outside 0..${CLASSES - 1}`);
  return { count, labels };
}

/** Joins an image file with its label file; they must describe the same number of examples. */
export function pairImagesAndLabels(
  images: IdxImages,
  labels: IdxLabels,
  files: { images: string; labels: string },
): LabelledImages {
  if (images.count !== labels.count) {
    throw new DataFileError(
      files.images,
      `holds ${images.count} images but ${files.labels} holds ${labels.count} labels`,
    );
  }
  return { ...images, labels: labels.labels };
}

function readHeader(bytes: Uint8Array, file: string, magic: number, headerBytes: number, kind: string) {
  // The magic number is checked before the full header so that a wrong file says so, however short.
  if (bytes.byteLength < 4) {
    throw new DataFileError(
      file,
      `truncated header: ${bytes.byteLength} bytes, ${kind} needs ${headerBytes}`,
    );
  }
  const header = new DataView(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, headerBytes));
  const found = header.getUint32(0);
  if (found !== magic) {
    throw new DataFileError(file, `wrong magic number ${hex(found)}, expected ${hex(magic)} (${kind})`);
  }
  if (bytes.byteLength < headerBytes) {
    throw new DataFileError(
      file,
      `truncated header: ${bytes.byteLength} bytes, ${kind} needs ${headerBytes}`,
    );
  }
  return header;
}

function checkLength(bytes: Uint8Array, file: string, expected: number, what: string) {
  if (bytes.byteLength < expected) {
    throw new DataFileError(file, `truncated: ${bytes.byteLength} bytes, but ${what} need ${expected}`);
  }
  if (bytes.byteLength > expected) {
    throw new DataFileError(
      file,
      `${bytes.byteLength - expected} unexpected trailing bytes after ${what} (${expected} bytes)`,
    );
  }
}

function hex(value: number): string {
  return `0x${value.toString(16).padStart(8, '0')}`;
}
