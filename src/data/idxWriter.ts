// Writes MNIST's IDX files (http://yann.lecun.com/exdb/mnist/, "FILE FORMATS"): the exact bytes the
// strict reader (idx.ts) reads back, so a written file read and written again is byte-identical.
// Keras, PyTorch's torchvision and NumPy read these files, gzipped or not.
import { IDX_IMAGES_MAGIC, IDX_LABELS_MAGIC } from './idx';

/** Compresses bytes as gzip: CompressionStream by default; Node tests may pass zlib's. */
export type Gzip = (bytes: Uint8Array) => Promise<Uint8Array>;

export interface ImagesToWrite {
  count: number;
  rows: number;
  cols: number;
  /** count × rows × cols bytes, row-major. */
  pixels: Uint8Array;
}

/** An idx3-ubyte file: magic 0x00000803, then count, rows and cols as big-endian uint32, then the pixels. */
export function writeIdxImages({ count, rows, cols, pixels }: ImagesToWrite): Uint8Array {
  for (const [name, value] of [
    ['count', count],
    ['rows', rows],
    ['cols', cols],
  ] as const) {
    if (!Number.isInteger(value) || value < 1 || value > 0xffffffff)
      throw new RangeError(`writeIdxImages: ${name} ${value} is not a whole number from 1 to 2^32-1`);
  }
  if (pixels.length !== count * rows * cols) {
    throw new RangeError(`writeIdxImages: ${pixels.length} pixels is not ${count} images of ${rows}x${cols}`);
  }
  return withHeader(IDX_IMAGES_MAGIC, [count, rows, cols], pixels);
}

/** An idx1-ubyte file: magic 0x00000801, then the count as a big-endian uint32, then one byte per label. */
export function writeIdxLabels(labels: Uint8Array): Uint8Array {
  if (labels.length === 0) throw new RangeError('writeIdxLabels: no labels (an IDX file holds at least one)');
  return withHeader(IDX_LABELS_MAGIC, [labels.length], labels);
}

function withHeader(magic: number, dimensions: number[], payload: Uint8Array): Uint8Array {
  const headerBytes = 4 + 4 * dimensions.length;
  const bytes = new Uint8Array(headerBytes + payload.length);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, magic);
  for (const [i, dimension] of dimensions.entries()) view.setUint32(4 + 4 * i, dimension);
  bytes.set(payload, headerBytes);
  return bytes;
}

/** gzip by the platform's CompressionStream (browsers, workers and Node 18+). */
export const compressionStreamGzip: Gzip = async (bytes) => {
  const stream = new Response(bytes as Uint8Array<ArrayBuffer>).body?.pipeThrough(
    new CompressionStream('gzip'),
  );
  return new Uint8Array(await new Response(stream).arrayBuffer());
};
