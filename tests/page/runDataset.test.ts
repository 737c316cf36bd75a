// A saved run opens only on the data set it trained on, by its files' SHA-256, not its name.
import { expect, test } from 'vitest';
import { importDataset } from '../../src/data/datasetImport';
import { datasetMismatch, sameDataset } from '../../src/page/runDataset';
import { shapesFiles } from '../cases/shapesDataset';

const shapes = (await importDataset(shapesFiles({ train: 9, test: 6 }), { name: 'Shapes' })).identity;
const renamed = { ...shapes, name: 'Bars' };
const other = (await importDataset(shapesFiles({ train: 9, test: 6, seed: 2 }), { name: 'Shapes' })).identity;

test('the same files are the same data set, whatever its name; MNIST is MNIST', () => {
  expect(sameDataset(shapes, renamed)).toBe(true);
  expect(sameDataset(shapes, other)).toBe(false);
  expect(sameDataset(null, undefined)).toBe(true);
  expect(sameDataset(shapes, null)).toBe(false);
});

test('a run of another data set is refused, saying which and what to do', () => {
  expect(datasetMismatch({ name: 'r', dataset: shapes }, renamed)).toBeNull();
  expect(datasetMismatch({ name: 'r' }, null)).toBeNull();
  expect(datasetMismatch({ name: 'r' }, shapes)).toBe(
    '"r" trained on MNIST, and the data set in use is Shapes: go Back to MNIST to open it.',
  );
  expect(datasetMismatch({ name: 'r', dataset: shapes }, null)).toBe(
    '"r" trained on Shapes, and the data set in use is MNIST: import Shapes again to open it.',
  );
});
