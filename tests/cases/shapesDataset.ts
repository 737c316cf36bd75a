// A small MNIST-format data set with three classes, generated (no binary files in the repository):
// anti-aliased bars, columns and rings of random size, thickness and place on 28x28, written as IDX
// files by the app's own writer. For the importer's tests and the e2e test that imports a data set
// and trains on it.
import { gzipSync } from 'node:zlib';
import type { DatasetFiles } from '../../src/data/datasetImport';
import { writeIdxImages, writeIdxLabels } from '../../src/data/idxWriter';
import { randomArray } from './random';

export const SHAPE_CLASS_NAMES = ['bar', 'column', 'ring'];
const SIDE = 28;

export interface ShapesIdx {
  trainImages: Uint8Array;
  trainLabels: Uint8Array;
  testImages: Uint8Array;
  testLabels: Uint8Array;
}

/** The four IDX files (not gzipped): `train` and `test` images, the classes in turn. */
export function shapesIdx({ train = 90, test = 30, seed = 1 } = {}): ShapesIdx {
  const part = (count: number, partSeed: number) => {
    const random = randomArray(count * 4, partSeed, 0, 1);
    const pixels = new Uint8Array(count * SIDE * SIDE);
    const labels = Uint8Array.from({ length: count }, (_, i) => i % 3);
    for (let i = 0; i < count; i++) {
      const [a, b, c, d] = random.subarray(i * 4, i * 4 + 4);
      pixels.set(shape(labels[i], a, b, c, d), i * SIDE * SIDE);
    }
    return {
      images: writeIdxImages({ count, rows: SIDE, cols: SIDE, pixels }),
      labels: writeIdxLabels(labels),
    };
  };
  const [trainPart, testPart] = [part(train, seed), part(test, seed + 1000)];
  return {
    trainImages: trainPart.images,
    trainLabels: trainPart.labels,
    testImages: testPart.images,
    testLabels: testPart.labels,
  };
}

/** The same as files to import, named as MNIST's are, gzipped by zlib or not. */
export function shapesFiles(options: { gzip?: boolean; train?: number; test?: number; seed?: number } = {}) {
  const idx = shapesIdx(options);
  const file = (name: string, bytes: Uint8Array) =>
    options.gzip ? { name: `${name}.gz`, bytes: new Uint8Array(gzipSync(bytes)) } : { name, bytes };
  return {
    trainImages: file('shapes-train-images-idx3-ubyte', idx.trainImages),
    trainLabels: file('shapes-train-labels-idx1-ubyte', idx.trainLabels),
    testImages: file('shapes-t10k-images-idx3-ubyte', idx.testImages),
    testLabels: file('shapes-t10k-labels-idx1-ubyte', idx.testLabels),
  } satisfies DatasetFiles;
}

/** One 28x28 image of the class, from four uniform numbers: its size, thickness and offsets. */
function shape(label: number, size: number, thickness: number, dx: number, dy: number): Uint8Array {
  const half = 5 + 5 * size; // half length or radius, 5..10 px
  const width = 1.5 + 2 * thickness; // 1.5..3.5 px
  const [cx, cy] = [14 + 4 * (dx - 0.5), 14 + 4 * (dy - 0.5)];
  const image = new Uint8Array(SIDE * SIDE);
  for (let y = 0; y < SIDE; y++) {
    for (let x = 0; x < SIDE; x++) {
      const [px, py] = [x + 0.5 - cx, y + 0.5 - cy];
      // Distance outside the shape's body, from its centre line.
      const distance =
        label === 0
          ? Math.hypot(Math.max(0, Math.abs(px) - half), py)
          : label === 1
            ? Math.hypot(px, Math.max(0, Math.abs(py) - half))
            : Math.abs(Math.hypot(px, py) - half);
      const coverage = Math.min(1, Math.max(0, width / 2 + 0.5 - distance));
      image[y * SIDE + x] = Math.round(255 * coverage);
    }
  }
  return image;
}
