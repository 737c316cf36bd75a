// What names a data set wherever a run goes (the page, saved runs, exports, the Code view): its name,
// its class names and, for each of its four IDX files, the file's name and the SHA-256 of its IDX
// bytes (inflated, so the .gz and the plain file are the same data set). A plain object, so it can be
// stored with a saved run, and checked when read back like any stored record.

export const DATASET_FILE_ROLES = ['trainImages', 'trainLabels', 'testImages', 'testLabels'] as const;
export type DatasetFileRole = (typeof DATASET_FILE_ROLES)[number];

/** How each file is spoken of in messages. */
export const ROLE_NAMES: Record<DatasetFileRole, string> = {
  trainImages: 'the training images',
  trainLabels: 'the training labels',
  testImages: 'the test images',
  testLabels: 'the test labels',
};

export interface DatasetFileIdentity {
  /** The file's name as given (for example train-images-idx3-ubyte.gz). */
  file: string;
  /** Lowercase hex SHA-256 of the IDX bytes, after inflating a gzipped file. */
  sha256: string;
  /** The IDX bytes' length. */
  bytes: number;
}

export interface DatasetIdentity {
  name: string;
  /** One name per class, label i naming classNames[i]; 2 to 10 of them. */
  classNames: string[];
  files: Record<DatasetFileRole, DatasetFileIdentity>;
  trainCount: number;
  testCount: number;
}

export const MAX_CLASSES = 10;
export const MAX_NAME_LENGTH = 80;
export const MAX_CLASS_NAME_LENGTH = 40;

/** A data set's identity that cannot be used; its message says why. */
export class UnreadableIdentityError extends Error {
  override name = 'UnreadableIdentityError';
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;
const isCount = (x: unknown): x is number => Number.isSafeInteger(x) && (x as number) >= 1;

function fail(message: string): never {
  throw new UnreadableIdentityError(message);
}

/** The problem with a data set's name, or null when it is fine. */
export function nameProblem(name: unknown): string | null {
  if (typeof name !== 'string' || name.trim() === '') return 'it has no name';
  if (name !== name.trim()) return 'its name starts or ends with spaces';
  if (name.length > MAX_NAME_LENGTH) return `its name is longer than ${MAX_NAME_LENGTH} characters`;
  return null;
}

/** The problem with a list of class names, or null when it is fine. */
export function classNamesProblem(names: unknown): string | null {
  if (!Array.isArray(names)) return 'its class names are not a list';
  if (names.length < 2 || names.length > MAX_CLASSES)
    return `it has ${names.length} class names; a data set has 2 to ${MAX_CLASSES} classes`;
  for (const [i, name] of names.entries()) {
    if (typeof name !== 'string' || name.trim() === '') return `class ${i} has no name`;
    if (name !== name.trim()) return `the name of class ${i} starts or ends with spaces`;
    if (name.length > MAX_CLASS_NAME_LENGTH)
      return `the name of class ${i} is longer than ${MAX_CLASS_NAME_LENGTH} characters`;
    if (names.indexOf(name) !== i) return `classes ${names.indexOf(name)} and ${i} are both named ${name}`;
  }
  return null;
}

/** A stored identity, checked field by field; throws UnreadableIdentityError naming what is wrong. */
export function readDatasetIdentity(raw: unknown): DatasetIdentity {
  if (!isObject(raw)) fail('the data set is not described');
  const problem = nameProblem(raw.name) ?? classNamesProblem(raw.classNames);
  if (problem) fail(`the data set's description is damaged: ${problem}`);
  if (!isObject(raw.files)) fail(`the data set ${raw.name} names no files`);
  const files = {} as Record<DatasetFileRole, DatasetFileIdentity>;
  for (const role of DATASET_FILE_ROLES) {
    const file = raw.files[role];
    if (
      !isObject(file) ||
      typeof file.file !== 'string' ||
      file.file === '' ||
      typeof file.sha256 !== 'string' ||
      !/^[0-9a-f]{64}$/.test(file.sha256) ||
      !isCount(file.bytes)
    )
      fail(`the data set ${raw.name} does not describe ${ROLE_NAMES[role]} (file, SHA-256, bytes)`);
    files[role] = { file: file.file, sha256: file.sha256, bytes: file.bytes };
  }
  if (!isCount(raw.trainCount) || !isCount(raw.testCount))
    fail(`the data set ${raw.name} does not say how many images it holds`);
  return {
    name: raw.name as string,
    classNames: [...(raw.classNames as string[])],
    files,
    trainCount: raw.trainCount,
    testCount: raw.testCount,
  };
}

/** Lowercase hex SHA-256, by the platform's crypto.subtle (browsers, workers, Node 20). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
