// Saved runs record the data set they trained on: an imported one's identity (name, classes, files'
// SHA-256) is written with the run and checked when read back; a run without one trained on MNIST;
// a damaged identity makes the record unreadable, saying why, rather than naming a wrong data set.
import { expect, test } from 'vitest';
import { importDataset } from '../../src/data/datasetImport';
import { LiveRun } from '../../src/page/liveRun';
import { readInfo } from '../../src/page/savedRunRecord';
import { DEFAULT_SETTINGS } from '../../src/protocol/settings';
import { SHAPE_CLASS_NAMES, shapesFiles } from '../cases/shapesDataset';

const { identity } = await importDataset(shapesFiles({ train: 9, test: 6 }), {
  name: 'Shapes',
  classNames: SHAPE_CLASS_NAMES,
});

function recordOf(dataset: typeof identity | null) {
  const run = LiveRun.started({ ...DEFAULT_SETTINGS, epochs: 1 });
  run.dataset = dataset;
  const checkpoint = {
    settings: { ...DEFAULT_SETTINGS, epochs: 1 },
    epoch: 1,
    trained: true,
    weights: [new Float32Array(4)],
    optimizerState: [null],
    iterations: 1,
  };
  run.take({ type: 'checkpoint', checkpoint, shapes: [[4]] });
  const record = run.record(5);
  if (!record) throw new Error('no record');
  const { data: _, ...info } = record;
  return structuredClone(info);
}

test("a run on an imported data set records its identity, read back whole; MNIST's records none", () => {
  const read = readInfo(recordOf(identity));
  if ('unreadable' in read) throw new Error(read.unreadable);
  expect(read.dataset).toEqual(identity);
  const mnist = readInfo(recordOf(null));
  expect('unreadable' in mnist || mnist.dataset).toBe(undefined);
});

test('a damaged identity makes the record unreadable, saying what is wrong', () => {
  const raw = recordOf(identity);
  raw.dataset = {
    ...identity,
    files: { ...identity.files, testLabels: { file: 'x', sha256: 'zz', bytes: 1 } },
  };
  expect(readInfo(raw)).toMatchObject({
    unreadable:
      'This saved run cannot be read: the data set Shapes does not describe the test labels (file, SHA-256, bytes).',
  });
});
