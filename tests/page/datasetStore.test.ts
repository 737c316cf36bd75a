// The page's data set: the worker's answer to the latest 'useDataset' request changes it, a
// refusal keeps the one in use and says why, and an answer to another request changes nothing.
import { expect, test } from 'vitest';
import type { DatasetIdentity } from '../../src/data/datasetIdentity';
import { initialSnapshot, reduce, type Snapshot, type StoreEvent } from '../../src/page/store';

const play = (events: StoreEvent[], from: Snapshot = initialSnapshot) => events.reduce(reduce, from);
const file = (name: string) => ({ file: name, sha256: '0'.repeat(64), bytes: 100 });
const SHAPES: DatasetIdentity = {
  name: 'shapes',
  classNames: ['bar', 'column', 'ring'],
  files: {
    trainImages: file('a'),
    trainLabels: file('b'),
    testImages: file('c'),
    testLabels: file('d'),
  },
  trainCount: 9,
  testCount: 6,
};

test('MNIST until the worker says an imported data set is in use', () => {
  let s = play([{ type: 'page:useDataset', requestId: 4 }]);
  expect(s.dataset).toBeNull();
  expect(s.datasetRequest).toEqual({ requestId: 4, pending: true, refusal: null });
  s = play([{ type: 'datasetInUse', requestId: 4, identity: SHAPES }], s);
  expect(s.dataset?.classNames).toEqual(['bar', 'column', 'ring']);
  expect(s.datasetRequest?.pending).toBe(false);
  s = play(
    [
      { type: 'page:useDataset', requestId: 5 },
      { type: 'datasetInUse', requestId: 5, identity: null },
    ],
    s,
  );
  expect(s.dataset).toBeNull();
});

test('a refusal keeps the data set in use and says why; answers to other requests are ignored', () => {
  let s = play([
    { type: 'page:useDataset', requestId: 1 },
    { type: 'datasetInUse', requestId: 1, identity: SHAPES },
    { type: 'page:useDataset', requestId: 2 },
    { type: 'refused', requestId: 2, message: 'The data set cannot change while a run is going on.' },
  ]);
  expect(s.dataset?.name).toBe('shapes');
  expect(s.datasetRequest).toEqual({
    requestId: 2,
    pending: false,
    refusal: 'The data set cannot change while a run is going on.',
  });
  s = play(
    [
      { type: 'datasetInUse', requestId: 1, identity: null },
      { type: 'refused', requestId: 9, message: 'x' },
    ],
    s,
  );
  expect(s.dataset?.name).toBe('shapes');
  expect(s.datasetRequest?.refusal).toBe('The data set cannot change while a run is going on.');
});
