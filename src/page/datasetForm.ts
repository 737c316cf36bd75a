// The Import a data set form's files and fields, read and checked (data/datasetImport.ts) on the
// page before the worker is asked for anything: a refused data set changes nothing.
import { DATASET_FILE_ROLES, type DatasetFileRole } from '../data/datasetIdentity';
import { type DatasetFiles, DatasetImportError, importDataset } from '../data/datasetImport';
import type { DatasetUpload } from '../protocol/dataset';

/** What the form holds: a file per role (or none chosen), the name, the class names as typed. */
export interface DatasetForm {
  files: Partial<Record<DatasetFileRole, File | null>>;
  name: string;
  /** Comma-separated; empty: the labels' numbers. */
  classNames: string;
}

/** Why a data set was refused: the file at fault (null: the name or class names), and the message. */
export interface DatasetProblem {
  file: string | null;
  message: string;
}

export type DatasetFormResult = { upload: DatasetUpload } | { problem: DatasetProblem };

/** "T-shirt, Trouser, Pullover" -> the names; empty -> undefined (the labels' numbers). */
export function parseClassNames(text: string): string[] | undefined {
  if (text.trim() === '') return undefined;
  return text.split(',').map((name) => name.trim());
}

/** The name typed, or else one made from the training images' file name. */
export function datasetName(typed: string, trainImages: string): string {
  const name = typed.trim();
  if (name) return name;
  const stem = trainImages.replace(/\.gz$/, '').replace(/[-_.]?train[-_.]images[-_.]idx3[-_.]ubyte$/, '');
  return stem.trim() || 'Imported data set';
}

/** Reads and checks the form's data set; every refusal names the file at fault (or null) and the problem. */
export async function readDatasetForm(form: DatasetForm): Promise<DatasetFormResult> {
  const files = {} as DatasetFiles;
  for (const role of DATASET_FILE_ROLES) {
    const file = form.files[role];
    if (file) files[role] = { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
  }
  try {
    const name = datasetName(form.name, files.trainImages?.name ?? '');
    const { identity, train, test } = await importDataset(files, {
      name,
      classNames: parseClassNames(form.classNames),
    });
    return { upload: { identity, train, test } };
  } catch (error) {
    if (error instanceof DatasetImportError) return { problem: { file: error.file, message: error.message } };
    throw error;
  }
}

/**
 * Import: the form's data set goes to `use` (the worker) only once every check passed; a refusal,
 * or files the browser could not read, come back as the problem, with nothing sent.
 */
export async function submitDatasetForm(
  form: DatasetForm,
  use: (upload: DatasetUpload) => void,
): Promise<DatasetProblem | null> {
  let result: DatasetFormResult;
  try {
    result = await readDatasetForm(form);
  } catch (error) {
    return { file: null, message: `The files could not be read: ${(error as Error).message}` };
  }
  if ('problem' in result) return result.problem;
  use(result.upload);
  return null;
}
