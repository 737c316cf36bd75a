// IDX files the user chose, read into digits: each file's part (training or test) and kind (images
// or labels) taken from its name, as MNIST's files are named (train-images, t10k-labels...; "test"
// is taken for "t10k"), inflated when gzipped (with a cap), and read strictly. Every refusal is a
// DataFileError naming the file.
import { DataFileError } from '../data/idx';
import { inflateCapped } from '../data/inflateCapped';
import type { UserDigit } from '../data/userDigit';
import {
  type DigitsFromIdxOptions,
  type IdxPair,
  type UserDigitPart,
  userDigitsFromIdx,
} from '../data/userDigitsIdx';

/** No file of the user's digits comes near this: 100,000 drawings are 78 MB. */
export const MAX_DIGIT_FILE_BYTES = 100 * 1024 * 1024;

type Kind = keyof IdxPair;

/** The part and kind a file's name says, or null. */
export function fileRole(name: string): { part: UserDigitPart; kind: Kind } | null {
  const lower = name.toLowerCase();
  const part = /train/.test(lower) ? 'train' : /t10k|test/.test(lower) ? 'test' : null;
  const kind = /images|idx3/.test(lower) ? 'images' : /labels|idx1/.test(lower) ? 'labels' : null;
  return part && kind ? { part, kind } : null;
}

export async function readUserDigitFiles(
  files: readonly { name: string; bytes: Uint8Array }[],
  { now, newId }: Pick<DigitsFromIdxOptions, 'now' | 'newId'>,
): Promise<UserDigit[]> {
  if (files.length === 0) throw new DataFileError('(no file)', 'choose the IDX files to import');
  const found: Partial<Record<UserDigitPart, Partial<Record<Kind, { name: string; bytes: Uint8Array }>>>> =
    {};
  for (const file of files) {
    const role = fileRole(file.name);
    if (!role)
      throw new DataFileError(
        file.name,
        'is not named as an IDX file of digits (its name should say train or t10k, and images or labels)',
      );
    const part = found[role.part] ?? {};
    found[role.part] = part;
    if (part[role.kind])
      throw new DataFileError(
        file.name,
        `is a second ${role.part} ${role.kind} file (${part[role.kind]?.name})`,
      );
    const bytes = await inflateCapped(file.bytes, file.name, MAX_DIGIT_FILE_BYTES);
    if (!bytes) throw new DataFileError(file.name, `is over ${MAX_DIGIT_FILE_BYTES / 1024 / 1024} MB`);
    part[role.kind] = { name: file.name, bytes };
  }
  const idx: Partial<Record<UserDigitPart, IdxPair>> = {};
  const names: Partial<Record<UserDigitPart, { images: string; labels: string }>> = {};
  for (const part of ['train', 'test'] as const) {
    const pair = found[part];
    if (!pair) continue;
    const { images, labels } = pair;
    if (!images || !labels) {
      const given = (images ?? labels) as { name: string };
      throw new DataFileError(given.name, `has no ${images ? 'labels' : 'images'} file beside it`);
    }
    idx[part] = { images: images.bytes, labels: labels.bytes };
    names[part] = { images: images.name, labels: labels.name };
  }
  return userDigitsFromIdx(idx, { now, newId, names });
}
