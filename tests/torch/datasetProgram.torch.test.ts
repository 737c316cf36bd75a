// The Code view's PyTorch program for an imported data set, run for real: it reads the data set's
// four IDX files under their own names, gzipped or not, holds out the last validation images of its
// training set and tests on all of its test images (the counts are the data set's, not MNIST's).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { importDataset } from '../../src/data/datasetImport';
import { withDataset } from '../../src/page/programs/datasetProgram';
import { torchProgram } from '../../src/page/programs/torchProgram';
import { DEFAULT_SETTINGS } from '../../src/protocol/settings';
import { SHAPE_CLASS_NAMES, shapesFiles } from '../cases/shapesDataset';
import { runProgram, scratch } from './python';

test.each([
  ['gzipped', true],
  ['not gzipped', false],
])(
  'reads the data set’s files (%s), holds out its last images and tests on all of its own',
  async (_, gzip) => {
    const files = shapesFiles({ gzip, train: 90, test: 30 });
    const { identity } = await importDataset(files, { name: 'Shapes', classNames: SHAPE_CLASS_NAMES });
    const settings = {
      ...DEFAULT_SETTINGS,
      hidden: 32,
      batchSize: 10,
      epochs: 3,
      validation: 30,
      patience: 0,
    };
    const dir = scratch();
    for (const file of Object.values(files)) writeFileSync(join(dir, file.name), file.bytes);
    const program = join(dir, 'digits_torch.py');
    writeFileSync(program, withDataset(torchProgram(settings), identity, 'torch', settings));
    const run = await runProgram(program, ['--data', dir]);
    console.info(`shapes, ${gzip ? 'gzipped' : 'plain'}: ${run.stdout.trim()}`);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // 60 trained on (6 batches of 10 an epoch), 30 held out, the 30 test images once at the end.
    expect(run.stdout).toMatch(/validation loss \d+\.\d+/);
    const final = run.stdout.match(/test loss \d+\.\d+, test accuracy (\d\.\d+)/);
    expect(final, run.stdout).not.toBeNull();
    // Three shapes a child could tell apart: well above chance (1/3) after three epochs.
    expect(Number(final?.[1])).toBeGreaterThan(0.6);
  },
);

test('a missing file is named, with the folder --data should name', async () => {
  const files = shapesFiles({ train: 12, test: 6 });
  const { identity } = await importDataset(files, { name: 'Shapes', classNames: SHAPE_CLASS_NAMES });
  const dir = scratch();
  const program = join(dir, 'digits_torch.py');
  writeFileSync(program, withDataset(torchProgram(DEFAULT_SETTINGS), identity, 'torch', DEFAULT_SETTINGS));
  const run = await runProgram(program, ['--data', dir]);
  expect(run.code).not.toBe(0);
  expect(run.stderr).toContain(
    "shapes-train-images-idx3-ubyte is missing: --data names the folder of the data set's IDX files",
  );
});
