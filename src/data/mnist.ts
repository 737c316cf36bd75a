// Loads the four MNIST files that the install step (scripts/prepareData.mjs) puts in public/mnist/.
// DOM-free, so it runs in a Web Worker as well as on the main thread.
import { download, inflateIfGzip, isGzip } from './download';
import {
  DataFileError,
  type LabelledImages,
  pairImagesAndLabels,
  parseIdxImages,
  parseIdxLabels,
} from './idx';

export type { LabelledImages } from './idx';

/** MNIST's shape, defined here and nowhere else: 28×28 images of one channel (784 pixels), 10 classes. */
export const IMAGE_SIDE = 28;
export const IMAGE_SHAPE = [IMAGE_SIDE, IMAGE_SIDE, 1] as const;
export const PIXELS = IMAGE_SIDE * IMAGE_SIDE;
export const CLASSES = 10;

export interface Mnist {
  train: LabelledImages;
  test: LabelledImages;
}

/**
 * Bytes over the wire: totalBytes is the sum of the .gz sizes in manifest.json and never changes. When a
 * host has the browser inflate a file (Content-Encoding: gzip), its decoded bytes are scaled down to their
 * compressed equivalent, so progress stays proportional and still ends exactly at totalBytes.
 */
export interface LoadProgress {
  loadedBytes: number;
  totalBytes: number;
  /** The file whose bytes just arrived. */
  file: string;
}

export interface LoadOptions {
  signal?: AbortSignal;
  fetch?: typeof fetch;
}

const SPLITS = {
  train: { images: 'train-images-idx3-ubyte', labels: 'train-labels-idx1-ubyte', count: 60_000 },
  test: { images: 't10k-images-idx3-ubyte', labels: 't10k-labels-idx1-ubyte', count: 10_000 },
} as const;
const FILES: readonly string[] = [
  SPLITS.train.images,
  SPLITS.train.labels,
  SPLITS.test.images,
  SPLITS.test.labels,
];
const MANIFEST = 'manifest.json';

interface FileSizes {
  gzipBytes: number;
  rawBytes: number;
}

/**
 * Fetches, inflates and checks MNIST from `baseUrl` (for example './mnist/'). In a worker, relative URLs
 * resolve against the worker script, so pass an absolute one there. Any problem with the data rejects
 * with a DataFileError naming the file; an abort rejects with the signal's reason.
 */
export async function loadMnist(
  baseUrl: string,
  onProgress?: (progress: LoadProgress) => void,
  options: LoadOptions = {},
): Promise<Mnist> {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const manifest = await loadManifest(base, options);
  const report = progressReporter(manifest, onProgress);
  // One failed file cancels the other downloads instead of letting them run on unobserved.
  const failed = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, failed.signal]) : failed.signal;

  const loadFile = async (file: string): Promise<Uint8Array> => {
    const { gzipBytes, rawBytes } = manifest[file];
    const body = await download(`${base}${file}.gz`, file, {
      signal,
      fetch: options.fetch,
      // The first bytes tell whether the .gz arrives as stored or already inflated by the browser.
      onBytes: (loaded, first) =>
        report(file, loaded / (first.byteLength >= 2 && !isGzip(first) ? rawBytes : gzipBytes)),
    });
    report(file, 1);
    return inflateIfGzip(body, file);
  };

  try {
    const [trainImages, trainLabels, testImages, testLabels] = await Promise.all(FILES.map(loadFile));
    return {
      train: checkedSplit(trainImages, trainLabels, SPLITS.train),
      test: checkedSplit(testImages, testLabels, SPLITS.test),
    };
  } catch (error) {
    failed.abort();
    throw error;
  }
}

function checkedSplit(
  imageBytes: Uint8Array,
  labelBytes: Uint8Array,
  split: { images: string; labels: string; count: number },
): LabelledImages {
  const images = parseIdxImages(imageBytes, split.images);
  const labels = parseIdxLabels(labelBytes, split.labels);
  const set = pairImagesAndLabels(images, labels, split);
  if (set.count !== split.count || set.rows !== IMAGE_SIDE || set.cols !== IMAGE_SIDE) {
    throw new DataFileError(
      split.images,
      `holds ${set.count} images of ${set.rows}x${set.cols}, expected ${split.count} of ${IMAGE_SIDE}x${IMAGE_SIDE}`,
    );
  }
  return set;
}

async function loadManifest(base: string, options: LoadOptions): Promise<Record<string, FileSizes>> {
  const bytes = await download(`${base}${MANIFEST}`, MANIFEST, options);
  let parsed: { files?: Record<string, Partial<FileSizes>> };
  try {
    parsed = JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    throw new DataFileError(MANIFEST, 'is not valid JSON', { cause: error });
  }
  const manifest: Record<string, FileSizes> = {};
  for (const file of FILES) {
    const { gzipBytes, rawBytes } = parsed?.files?.[file] ?? {};
    if (!isByteCount(gzipBytes) || !isByteCount(rawBytes)) {
      throw new DataFileError(
        MANIFEST,
        `has no gzipBytes/rawBytes for ${file}; rerun scripts/prepareData.mjs`,
      );
    }
    manifest[file] = { gzipBytes, rawBytes };
  }
  return manifest;
}

function isByteCount(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) > 0;
}

/** Turns each file's fraction done into wire bytes, summed over the files; never goes backwards. */
function progressReporter(
  manifest: Record<string, FileSizes>,
  onProgress?: (progress: LoadProgress) => void,
) {
  const totalBytes = FILES.reduce((sum, file) => sum + manifest[file].gzipBytes, 0);
  const loaded = new Map(FILES.map((file) => [file, 0]));
  return (file: string, fraction: number) => {
    const bytes = Math.floor(Math.min(1, fraction) * manifest[file].gzipBytes);
    if (bytes <= (loaded.get(file) ?? 0)) return;
    loaded.set(file, bytes);
    let loadedBytes = 0;
    for (const fileBytes of loaded.values()) loadedBytes += fileBytes;
    onProgress?.({ loadedBytes, totalBytes, file });
  };
}
