// The Code view's PyTorch program, run for real on the app's MNIST files: the default run learns
// (one epoch), the book's ConvNet trains a few hundred steps, and bad input gets a clear message.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { CONVNET_BATCH, DEFAULT_SETTINGS } from '../../src/protocol/settings';
import { RUNS } from '../cases/programRuns';
import { MNIST_DIR, runProgram, scratch, torchCheck, writeProgram } from './python';

/** The test accuracy each epoch printed, in order. */
const testAccuracies = (stdout: string) =>
  [...stdout.matchAll(/test accuracy (\d\.\d+)/g)].map((m) => Number(m[1]));

describe('the PyTorch program', () => {
  test('for the default settings reaches 0.95 test accuracy after one epoch of the app’s MNIST', async () => {
    const program = writeProgram(scratch(), DEFAULT_SETTINGS);
    const started = performance.now();
    const run = await runProgram(program, ['--data', MNIST_DIR, '--epochs', '1']);
    console.info(
      `default program, 1 epoch: ${run.stdout.trim()} (${Math.round(performance.now() - started) / 1000} s)`,
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const [accuracy] = testAccuracies(run.stdout);
    expect(accuracy).toBeGreaterThanOrEqual(0.95);
  });

  test('for the book’s ConvNet trains 300 steps of 64 without error, and learns', async () => {
    const settings = {
      ...DEFAULT_SETTINGS,
      model: 'convnet' as const,
      batchSize: CONVNET_BATCH,
      train: 300 * 64,
    };
    const program = writeProgram(scratch(), settings);
    const started = performance.now();
    const run = await runProgram(program, ['--data', MNIST_DIR, '--epochs', '1']);
    console.info(
      `ConvNet program, 300 steps: ${run.stdout.trim()} (${Math.round(performance.now() - started) / 1000} s)`,
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const [accuracy] = testAccuracies(run.stdout);
    expect(accuracy).toBeGreaterThan(0.9);
  });

  test('with validation images and early stopping: validates each epoch, stops back at the best, tests once', async () => {
    // A rate far too high for RMSprop: the validation loss soon stops improving.
    const settings = { ...DEFAULT_SETTINGS, hidden: 16, train: 2000, validation: 1000, patience: 1 };
    const program = writeProgram(scratch(), { ...settings, learningRate: 0.05, epochs: 8 });
    const run = await runProgram(program, ['--data', MNIST_DIR]);
    console.info(`validation and early stopping: ${run.stdout.trim()}`);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const losses = [...run.stdout.matchAll(/validation loss (\d+\.\d+)/g)].map((m) => Number(m[1]));
    const stop = run.stdout.match(/early stopping after epoch (\d+): back to epoch (\d+)'s weights/);
    expect(stop).not.toBeNull();
    const [stopped, best] = [Number(stop?.[1]), Number(stop?.[2])];
    expect(losses).toHaveLength(stopped);
    expect(stopped).toBe(best + 1);
    expect(Math.min(...losses)).toBe(losses[best - 1]);
    // The test set once, at the end, on the best epoch's weights; never after an epoch.
    expect(run.stdout).not.toMatch(/epoch \d+:.*test loss/);
    expect(run.stdout).toMatch(/at the end: test loss \d\.\d+, test accuracy 0\.\d+/);
  });

  test('for every run of the Code view tests runs: builds, trains two batches, evaluates, predicts', async () => {
    const dir = scratch();
    const programs = RUNS.map(([, settings], i) => writeProgram(dir, settings, `run${i}.py`));
    const report = await torchCheck<{ shape: number[] }[]>('smoke', MNIST_DIR, ...programs);
    expect(report.map((r) => r.shape)).toEqual(RUNS.map(() => [100, 10]));
  });

  test('says which folder is missing, and which file is not a weights file', async () => {
    const dir = scratch();
    const program = writeProgram(dir, { ...DEFAULT_SETTINGS, train: 100 });
    const noData = await runProgram(program, ['--data', join(dir, 'nowhere')]);
    expect(noData.code).toBe(1);
    expect(noData.stderr).toContain(
      "nowhere/train-images-idx3-ubyte.gz is missing: --data names the folder of the app's MNIST .gz files",
    );

    const junk = join(dir, 'junk.safetensors');
    writeFileSync(junk, 'not a safetensors file at all');
    const notWeights = await runProgram(program, ['--data', MNIST_DIR, '--weights', junk, '--epochs', '0']);
    expect(notWeights.code).toBe(1);
    expect(notWeights.stderr).toContain(`${junk} is not a safetensors file of the app's weights`);
    expect(notWeights.stderr).not.toContain('Traceback');

    // A JSON header that is no map of tensors, and a file that is not there.
    const list = join(dir, 'list.safetensors');
    const header = Buffer.from('[1, 2, 3]     ');
    const length = Buffer.alloc(8);
    length.writeBigUInt64LE(BigInt(header.length));
    writeFileSync(list, Buffer.concat([length, header]));
    const notMap = await runProgram(program, ['--data', MNIST_DIR, '--weights', list, '--epochs', '0']);
    expect(notMap.stderr).toContain(`${list} is not a safetensors file of the app's weights`);
    const missing = await runProgram(program, [
      '--data',
      MNIST_DIR,
      '--weights',
      join(dir, 'gone.safetensors'),
    ]);
    expect(missing.stderr.trim()).toBe(`${join(dir, 'gone.safetensors')} is missing`);
  });
});
