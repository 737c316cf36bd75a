// Hostile IDX files through the Import a data set form, as keep/tfjsHostile does for models: whatever
// is done to the four files, the form either hands the worker a whole data set or refuses with the
// importer's own message (the same as importDataset gives for the same bytes) and sends nothing, so
// the data set in use and the model on the pad are untouched.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { DATASET_FILE_ROLES } from '../../src/data/datasetIdentity';
import { type DatasetFiles, DatasetImportError, importDataset } from '../../src/data/datasetImport';
import { submitDatasetForm } from '../../src/page/datasetForm';
import type { DatasetUpload } from '../../src/protocol/dataset';
import { shapesFiles } from '../cases/shapesDataset';

const GOOD = shapesFiles({ train: 9, test: 6 });

const damage = fc.oneof(
  fc.record({
    kind: fc.constant('header' as const),
    at: fc.integer({ min: 0, max: 15 }),
    value: fc.nat(255),
  }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('random' as const), bytes: fc.uint8Array({ maxLength: 64 }) }),
  fc.record({ kind: fc.constant('swap' as const), with: fc.constantFrom(...DATASET_FILE_ROLES) }),
);

test("property: a hostile file is refused with the importer's message, and nothing is sent", async () => {
  let refused = 0;
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...DATASET_FILE_ROLES), damage, async (role, change) => {
      const files: DatasetFiles = { ...GOOD };
      let bytes = GOOD[role].bytes.slice();
      if (change.kind === 'header') bytes[change.at] = change.value;
      else if (change.kind === 'cut') bytes = bytes.slice(0, change.at % (bytes.length + 1));
      else if (change.kind === 'random') bytes = change.bytes;
      else bytes = GOOD[change.with].bytes.slice();
      files[role] = { name: GOOD[role].name, bytes };

      let expected: string | null = null;
      try {
        await importDataset(files, { name: 'Shapes' });
      } catch (error) {
        if (!(error instanceof DatasetImportError)) throw error;
        expected = error.message;
      }
      const sent: DatasetUpload[] = [];
      const form = {
        files: Object.fromEntries(
          DATASET_FILE_ROLES.map((r) => [
            r,
            new File([files[r].bytes as Uint8Array<ArrayBuffer>], files[r].name),
          ]),
        ),
        name: 'Shapes',
        classNames: '',
      };
      const problem = await submitDatasetForm(form, (upload) => sent.push(upload));
      if (expected === null) {
        expect(problem).toBeNull();
        expect(sent).toHaveLength(1);
      } else {
        refused++;
        expect(problem?.message).toBe(expected);
        expect(sent).toEqual([]);
      }
    }),
    { numRuns: 150, seed: 28 },
  );
  expect(refused).toBeGreaterThan(100);
});
