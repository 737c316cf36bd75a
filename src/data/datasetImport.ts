// Importing an MNIST-format data set the user chose (Fashion-MNIST, KMNIST, EMNIST's digits, or
// digits exported from this app): training and test IDX files of 28x28 grayscale images and their
// labels, gzipped or not, with up to 10 classes. Every file is checked strictly before anything is
// used, and every refusal is a DatasetImportError naming the file and the problem.
import {
  classNamesProblem,
  DATASET_FILE_ROLES,
  type DatasetFileRole,
  type DatasetIdentity,
  MAX_CLASSES,
  nameProblem,
  ROLE_NAMES,
  sha256Hex,
} from './datasetIdentity';
import {
  DataFileError,
  IDX_IMAGES_MAGIC,
  IDX_LABELS_MAGIC,
  type LabelledImages,
  pairImagesAndLabels,
  parseIdxImages,
  parseIdxLabels,
} from './idx';
import { inflateCapped } from './inflateCapped';
import { IMAGE_SIDE } from './mnist';

/** The IDX data a data set may hold in all, inflated: EMNIST's digits (280,000 images) fit. */
export const MAX_DATASET_BYTES = 256e6;

export interface DatasetFile {
  /** The file's name, for messages and the data set's identity. */
  name: string;
  bytes: Uint8Array;
}

export type DatasetFiles = Record<DatasetFileRole, DatasetFile>;

export interface ImportOptions {
  name: string;
  /** One per class; by default the labels' numbers ("0", "1", ...) up to the largest label. */
  classNames?: readonly string[];
  /** The cap on the IDX bytes of the four files together, inflated. */
  maxBytes?: number;
}

export interface ImportedDataset {
  identity: DatasetIdentity;
  train: LabelledImages;
  test: LabelledImages;
}

/** A data set refused; `file` names the file at fault, or is null for its name or class names. */
export class DatasetImportError extends Error {
  override name = 'DatasetImportError';
  constructor(
    readonly file: string | null,
    readonly problem: string,
    options?: ErrorOptions,
  ) {
    super(file === null ? `The data set cannot be imported: ${problem}.` : `${file}: ${problem}.`, options);
  }
}

/** Reads, checks and names a data set; rejects only with a DatasetImportError. */
export async function importDataset(files: DatasetFiles, options: ImportOptions): Promise<ImportedDataset> {
  try {
    return await checkedImport(files, options);
  } catch (error) {
    // The reader's and the inflater's refusals, in the importer's words; anything else is a bug here.
    if (error instanceof DataFileError)
      throw new DatasetImportError(error.file, error.problem, { cause: error });
    throw error;
  }
}

async function checkedImport(files: DatasetFiles, options: ImportOptions): Promise<ImportedDataset> {
  const problem = nameProblem(options.name) ?? (options.classNames && classNamesProblem(options.classNames));
  if (problem) throw new DatasetImportError(null, problem);
  const maxBytes = options.maxBytes ?? MAX_DATASET_BYTES;

  const idx = {} as Record<DatasetFileRole, Uint8Array>;
  let total = 0;
  for (const role of DATASET_FILE_ROLES) {
    const file = files[role];
    if (!file || typeof file.name !== 'string' || !(file.bytes instanceof Uint8Array))
      throw new DatasetImportError(null, `${ROLE_NAMES[role]} are missing`);
    const name = file.name || ROLE_NAMES[role];
    const inflated = await inflateCapped(file.bytes, name, maxBytes - total);
    if (!inflated)
      throw new DatasetImportError(
        name,
        `takes the data set past ${megabytes(maxBytes)} of IDX data, the most this app imports`,
      );
    total += inflated.byteLength;
    checkKind(inflated, name, role);
    idx[role] = inflated;
  }
  const fileName = (role: DatasetFileRole) => files[role].name || ROLE_NAMES[role];
  const train = split(idx, 'train', fileName);
  const test = split(idx, 'test', fileName);

  const largest = Math.max(train.labels.reduce(maxOf, 0), test.labels.reduce(maxOf, 0));
  if (largest === 0 && !options.classNames)
    throw new DatasetImportError(
      fileName('trainLabels'),
      `every label is 0; a data set has 2 to ${MAX_CLASSES} classes`,
    );
  const classNames = options.classNames
    ? [...options.classNames]
    : Array.from({ length: largest + 1 }, (_, i) => String(i));
  for (const [set, role] of [
    [train, 'trainLabels'],
    [test, 'testLabels'],
  ] as const) {
    const bad = set.labels.findIndex((label) => label >= classNames.length);
    if (bad >= 0)
      throw new DatasetImportError(
        fileName(role),
        `label ${set.labels[bad]} at index ${bad} has no class name (${classNames.length} given)`,
      );
  }

  const trained = new Set(train.labels);
  const untrained = test.labels.findIndex((label) => !trained.has(label));
  if (untrained >= 0)
    throw new DatasetImportError(
      fileName('testLabels'),
      `label ${test.labels[untrained]} at index ${untrained} is a class no training image has`,
    );

  const digests = await Promise.all(DATASET_FILE_ROLES.map((role) => sha256Hex(idx[role])));
  if (digests[0] === digests[2])
    throw new DatasetImportError(fileName('testImages'), 'holds the same images as the training images');
  const identity: DatasetIdentity = {
    name: options.name,
    classNames,
    files: Object.fromEntries(
      DATASET_FILE_ROLES.map((role, i) => [
        role,
        { file: fileName(role), sha256: digests[i], bytes: idx[role].byteLength },
      ]),
    ) as DatasetIdentity['files'],
    trainCount: train.count,
    testCount: test.count,
  };
  return { identity, train, test };
}

const maxOf = (largest: number, label: number) => Math.max(largest, label);

function megabytes(bytes: number): string {
  return bytes >= 1e6 ? `${Math.round(bytes / 1e6)} MB` : `${bytes} bytes`;
}

/** The strict reader's own checks come after these, which say plainly what a wrong file is. */
function checkKind(bytes: Uint8Array, file: string, role: DatasetFileRole): void {
  if (bytes.byteLength < 4) return; // the reader names the truncated header
  const [zero, zero2, type, dimensions] = bytes;
  const wantsImages = role.endsWith('Images');
  const magic = new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0);
  if (zero !== 0 || zero2 !== 0)
    throw new DataFileError(file, 'is not an IDX file (it does not start with two zero bytes)');
  if (magic === (wantsImages ? IDX_LABELS_MAGIC : IDX_IMAGES_MAGIC))
    throw new DataFileError(
      file,
      `is an IDX ${wantsImages ? 'label' : 'image'} file, given as ${ROLE_NAMES[role]}`,
    );
  if (type !== 0x08)
    throw new DataFileError(
      file,
      `holds IDX data of type 0x${type.toString(16).padStart(2, '0')}; this app reads unsigned bytes (0x08)`,
    );
  if (wantsImages && dimensions !== 3)
    throw new DataFileError(
      file,
      `has ${dimensions} dimensions; images have 3 (count, rows, columns), grayscale only`,
    );
}

function split(
  idx: Record<DatasetFileRole, Uint8Array>,
  part: 'train' | 'test',
  fileName: (role: DatasetFileRole) => string,
): LabelledImages {
  const [imagesRole, labelsRole] =
    part === 'train' ? (['trainImages', 'trainLabels'] as const) : (['testImages', 'testLabels'] as const);
  const files = { images: fileName(imagesRole), labels: fileName(labelsRole) };
  const images = parseIdxImages(idx[imagesRole], files.images);
  if (images.rows !== IMAGE_SIDE || images.cols !== IMAGE_SIDE)
    throw new DataFileError(
      files.images,
      `holds images of ${images.rows}x${images.cols}; this app reads ${IMAGE_SIDE}x${IMAGE_SIDE}`,
    );
  const labels = parseIdxLabels(idx[labelsRole], files.labels);
  return pairImagesAndLabels(images, labels, files);
}
