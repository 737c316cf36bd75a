// Hostile or damaged IDX files, as keep/tfjsHostile does for models: whatever is changed in any of the
// four files (header fields set to awkward values, bytes flipped, files cut, lengthened, swapped,
// gzipped and then damaged) and whatever the name and class names, the importer either gives a
// whole data set or refuses with its own error naming the file; it never throws anything else.
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { DATASET_FILE_ROLES, type DatasetFileRole } from '../../src/data/datasetIdentity';
import { type DatasetFiles, DatasetImportError, importDataset } from '../../src/data/datasetImport';
import { shapesFiles } from '../cases/shapesDataset';

const GOOD = shapesFiles({ train: 9, test: 6 });
const AWKWARD_WORDS = [0, 1, 2, 3, 6, 9, 27, 28, 29, 255, 0x801, 0x803, 0x804, 2 ** 31, 2 ** 32 - 1];

const edit = fc.oneof(
  fc.record({
    kind: fc.constant('word' as const),
    at: fc.integer({ min: 0, max: 3 }),
    value: fc.constantFrom(...AWKWARD_WORDS),
  }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('append' as const), bytes: fc.uint8Array({ maxLength: 40 }) }),
  fc.record({ kind: fc.constant('random' as const), bytes: fc.uint8Array({ maxLength: 64 }) }),
  fc.record({ kind: fc.constant('swap' as const), with: fc.constantFrom(...DATASET_FILE_ROLES) }),
  fc.record({ kind: fc.constant('gzip' as const), damageAt: fc.option(fc.nat(), { nil: undefined }) }),
);
type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

function apply(files: DatasetFiles, role: DatasetFileRole, change: Edit): void {
  let bytes = files[role].bytes.slice();
  switch (change.kind) {
    case 'word':
      if (bytes.length >= 4 * change.at + 4)
        new DataView(bytes.buffer).setUint32(4 * change.at, change.value);
      break;
    case 'flip':
      if (bytes.length > 0)
        bytes[change.at % Math.min(bytes.length, change.at % 2 ? 24 : bytes.length)] = change.value;
      break;
    case 'cut':
      bytes = bytes.slice(0, change.at % (bytes.length + 1));
      break;
    case 'append':
      bytes = Uint8Array.from([...bytes, ...change.bytes]);
      break;
    case 'random':
      bytes = change.bytes;
      break;
    case 'swap':
      bytes = files[change.with].bytes.slice();
      break;
    case 'gzip':
      bytes = new Uint8Array(gzipSync(bytes));
      if (change.damageAt !== undefined) bytes[change.damageAt % bytes.length] ^= 0x5a;
      break;
  }
  files[role] = { name: files[role].name, bytes };
}

test('property: damaged files, names and class names are refused only with DatasetImportError', async () => {
  const seen = { accepted: 0, fileRefused: 0, refused: 0 };
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.tuple(fc.constantFrom(...DATASET_FILE_ROLES), edit), { minLength: 1, maxLength: 3 }),
      fc.oneof(
        { weight: 4, arbitrary: fc.constant('Shapes') },
        { weight: 1, arbitrary: fc.string({ maxLength: 90 }) },
      ),
      fc.oneof(
        { weight: 4, arbitrary: fc.constant(undefined) },
        {
          weight: 1,
          arbitrary: fc.array(
            fc.oneof(fc.string({ maxLength: 45 }), fc.constantFrom('a', 'b', 'c', '__proto__')),
            {
              maxLength: 12,
            },
          ),
        },
      ),
      async (edits, name, classNames) => {
        const files = { ...GOOD };
        for (const [role, change] of edits) apply(files, role, change);
        try {
          const {
            identity,
            train,
            test: testSet,
          } = await importDataset(files, { name, classNames, maxBytes: 20_000 });
          // What is accepted is whole: 28x28 images, as many labels, every label named.
          for (const set of [train, testSet]) {
            expect([set.rows, set.cols]).toEqual([28, 28]);
            expect(set.pixels.length).toBe(set.count * 784);
            expect(set.labels.length).toBe(set.count);
            expect(set.labels.every((label) => label < identity.classNames.length)).toBe(true);
          }
          expect(identity.classNames.length).toBeGreaterThanOrEqual(2);
          seen.accepted++;
        } catch (error) {
          if (!(error instanceof DatasetImportError)) throw error;
          const { file } = error;
          if (file === null) expect(error.message).toMatch(/^The data set cannot be imported: .+\.$/);
          else expect(error.message.startsWith(`${file}: `)).toBe(true);
          seen[file === null ? 'refused' : 'fileRefused']++;
        }
      },
    ),
    { numRuns: 400, seed: 28 },
  );
  // The runs reach the files' checks, and some edits (a pixel changed) leave a good data set.
  expect(seen.fileRefused).toBeGreaterThan(200);
  expect(seen.accepted).toBeGreaterThan(5);
});
