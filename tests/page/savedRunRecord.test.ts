// Saved-run records of every format read back: RMSprop's mean squares of formats 1 and 2 become
// one-array optimizer states; format 3 keeps Adam's two moments and its step count; format 4 keeps
// SGD's momentum and its velocity (older SGD records had no momentum).
import { describe, expect, test } from 'vitest';
import { readData, readInfo, type SavedRunInfo } from '../../src/page/savedRunRecord';
import { DEFAULT_SETTINGS } from '../../src/protocol/settings';

const HISTORY = { curve: [], curveStride: 1, epochs: [] };
const shapes = [[2, 3], [3]];
const buffer = (values: number[]) => new Float32Array(values).buffer;
const weights = [buffer([1, 2, 3, 4, 5, 6]), buffer([0, 0, 1])];

function info(schema: number | undefined, settings: object = DEFAULT_SETTINGS): SavedRunInfo {
  const raw = { id: 'r', ...(schema ? { schema } : {}), name: 'n', createdAt: 1, updatedAt: 2, settings };
  const read = readInfo({ ...raw, epoch: 1, testAccuracy: 0.5, bytes: 0 });
  if ('unreadable' in read) throw new Error(read.unreadable);
  return read;
}

describe('saved-run records', () => {
  test('a format 2 record (no optimizer setting, mean squares) reads as RMSprop with its averages', () => {
    const { optimizer: _, ...oldSettings } = DEFAULT_SETTINGS;
    const old = info(2, oldSettings);
    expect(old.settings.optimizer).toBe('rmsprop');
    const meanSquares = [buffer([1, 1, 1, 1, 1, 1]), null];
    const data = readData({ id: 'r', shapes, weights, meanSquares, history: HISTORY }, old);
    expect(data.optimizerState).toEqual([[meanSquares[0]], null]);
    expect(data.iterations).toBe(0);
  });

  test("a format 3 record keeps Adam's two moments and its step count", () => {
    const adam = info(3, { ...DEFAULT_SETTINGS, optimizer: 'adam' });
    const state = [
      [buffer([1, 2, 3, 4, 5, 6]), buffer([6, 5, 4, 3, 2, 1])],
      [buffer([0, 1, 0]), buffer([1, 1, 1])],
    ];
    const data = readData(
      { id: 'r', shapes, weights, optimizerState: state, iterations: 938, history: HISTORY },
      adam,
    );
    expect(data.optimizerState).toEqual(state);
    expect(data.iterations).toBe(938);
  });

  test('a format 3 SGD record (no momentum setting) reads as plain SGD, as it trained', () => {
    const { momentum: _, nesterov: __, ...oldSettings } = DEFAULT_SETTINGS;
    const old = info(3, { ...oldSettings, optimizer: 'sgd', learningRate: 0.01 });
    expect(old.settings).toMatchObject({ optimizer: 'sgd', momentum: 0, nesterov: false });
  });

  test('a format 4 record keeps SGD with Nesterov momentum, and its velocity as the one array', () => {
    const sgd = info(4, { ...DEFAULT_SETTINGS, optimizer: 'sgd', momentum: 0.9, nesterov: true });
    expect(sgd.settings).toMatchObject({ optimizer: 'sgd', momentum: 0.9, nesterov: true });
    const velocity = [[buffer([1, -2, 3, -4, 5, -6])], [buffer([0, 0.5, 0])]];
    const data = readData(
      { id: 'r', shapes, weights, optimizerState: velocity, iterations: 12, history: HISTORY },
      sgd,
    );
    expect(data.optimizerState).toEqual(velocity);
    expect(data.iterations).toBe(12);
  });

  test('a record whose momentum is out of range is listed as unreadable, saying why', () => {
    const raw = {
      id: 'r',
      schema: 4,
      name: 'n',
      createdAt: 1,
      updatedAt: 2,
      settings: { ...DEFAULT_SETTINGS, optimizer: 'sgd', momentum: 1 },
      epoch: 1,
      testAccuracy: 0.5,
      bytes: 0,
    };
    expect(readInfo(raw)).toEqual({
      id: 'r',
      key: 'r',
      name: 'n',
      unreadable:
        'This saved run cannot be read: its settings are invalid (Momentum must be at least 0 and below 1.).',
    });
  });

  test('a damaged optimizer state is refused with the reason', () => {
    const adam = info(3, { ...DEFAULT_SETTINGS, optimizer: 'adam' });
    const read =
      (optimizerState: unknown, iterations: unknown = 1) =>
      () =>
        readData({ id: 'r', shapes, weights, optimizerState, iterations, history: HISTORY }, adam);
    expect(read([[buffer([1])], null])).toThrow('the optimizer state of array 0 does not match its weights');
    expect(read([[buffer([1, 2, 3, 4, 5, Number.NaN])], null])).toThrow('is not finite');
    expect(read([null, null], -1)).toThrow('step count');
    expect(read(undefined)).toThrow('optimizer state is missing');
    expect(() => info(3, { ...DEFAULT_SETTINGS, optimizer: 'adagrad' })).toThrow('Optimizer must be one of');
  });
});
