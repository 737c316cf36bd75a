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

interface FileFacts {
  gzipBytes: number;
  rawBytes: number;
  /** Hex SHA-256 of the inflated file: the IDX reader checks structure, this checks every pixel. */
  sha256: string;
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
    const files = await Promise.all(FILES.map(loadFile));
    const [trainImages, trainLabels, testImages, testLabels] = files;
    const mnist = {
      train: checkedSplit(trainImages, trainLabels, SPLITS.train),
      test: checkedSplit(testImages, testLabels, SPLITS.test),
    };
    await Promise.all(FILES.map((file, i) => checkDigest(files[i], file, manifest[file].sha256)));
    return mnist;
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

async function loadManifest(base: string, options: LoadOptions): Promise<Record<string, FileFacts>> {
  const bytes = await download(`${base}${MANIFEST}`, MANIFEST, options);
  let parsed: { files?: Record<string, Partial<FileFacts>> };
  try {
    parsed = JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    throw new DataFileError(MANIFEST, 'is not valid JSON', { cause: error });
  }
  const manifest: Record<string, FileFacts> = {};
  for (const file of FILES) {
    const { gzipBytes, rawBytes, sha256 } = parsed?.files?.[file] ?? {};
    if (!isByteCount(gzipBytes) || !isByteCount(rawBytes) || !/^[0-9a-f]{64}$/.test(String(sha256))) {
      throw new DataFileError(
        MANIFEST,
        `has no gzipBytes/rawBytes/sha256 for ${file}; rerun scripts/prepareData.mjs`,
      );
    }
    manifest[file] = { gzipBytes, rawBytes, sha256: String(sha256) };
  }
  return manifest;
}

/** A file whose structure passed but whose bytes differ (a flipped pixel, a damaged cache) is refused. */
async function checkDigest(bytes: Uint8Array, file: string, expected: string): Promise<void> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  const hex = Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
  if (hex !== expected) {
    throw new DataFileError(
      file,
      `its bytes do not match the SHA-256 in ${MANIFEST} (a damaged download or cached copy)`,
    );
  }
}

function isByteCount(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) > 0;
}

/** Turns each file's fraction done into wire bytes, summed over the files; never goes backwards. */
function progressReporter(
  manifest: Record<string, FileFacts>,
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
