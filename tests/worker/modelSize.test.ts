import { describe, expect, test } from 'vitest';
import { GPU_MEMORY_BUDGET } from '../../src/protocol/memory';
import { DEFAULT_SETTINGS } from '../../src/protocol/settings';
import { checkRunFits, checkStackFits, runAllocations } from '../../src/worker/modelSize';

const MIB = 2 ** 20;
/** SwiftShader's limits when the adapter's own are requested (what CI runs on). */
const SWIFTSHADER = { maxBufferSize: 1024 * MIB, maxStorageBufferBindingSize: 1024 * MIB };
/** The limits every WebGPU device has (the spec's defaults). */
const DEFAULTS = { maxBufferSize: 256 * MIB, maxStorageBufferBindingSize: 128 * MIB };
const fits = (hidden: number, limits = SWIFTSHADER, batchSize = 128) =>
  checkRunFits({ ...DEFAULT_SETTINGS, hidden, batchSize }, limits, 60_000, 10_000);

describe('checkRunFits', () => {
  test('the book run fits, with room to spare, on any device', () => {
    expect(fits(512, DEFAULTS)).toBeNull();
    const total = runAllocations(DEFAULT_SETTINGS, 60_000, 10_000).reduce((sum, a) => sum + a.bytes, 0);
    expect(total).toBeLessThan(GPU_MEMORY_BUDGET / 5);
  });

  test('100,000 hidden units are refused for the memory they need, with the limit named', () => {
    const reason = fits(100_000);
    expect(reason).toMatch(
      /^A network with 100,000 hidden units is too large: it would need about [\d.]+ GB/,
    );
    expect(reason).toContain("more than this app's limit of 1 GB");
    expect(reason).toContain('Nothing was allocated.');
  });

  test('a buffer over the device limit is refused naming that limit', () => {
    // 784 x 50,000 floats: 157 MB, a 256 MiB buffer; the default binding limit is 128 MiB.
    expect(fits(50_000, DEFAULTS)).toContain(
      'the 784 × 50,000 weight matrix needs a 268 MB buffer, but this GPU allows at most 134 MB in one buffer (its maxStorageBufferBindingSize limit)',
    );
    expect(fits(1_000_000)).toContain('(its maxStorageBufferBindingSize limit)');
    expect(fits(512, DEFAULTS, 1_000_000)).toContain('a batch of 1,000,000 images');
  });

  test('the advice is exact: the largest hidden size it names fits, one more does not', () => {
    for (const limits of [SWIFTSHADER, DEFAULTS]) {
      const most = Number(
        fits(100_000, limits)
          ?.match(/at most ([\d,]+) hidden units fit/)?.[1]
          .replace(/,/g, ''),
      );
      expect(most).toBeGreaterThan(512);
      expect(fits(most, limits)).toBeNull();
      expect(fits(most + 1, limits)).not.toBeNull();
    }
  });
});

describe('checkRunFits with validation images (held out, a copy of their own on the device)', () => {
  const held = { ...DEFAULT_SETTINGS, validation: 10_000 };
  test('the validation images are counted, and the run trains on (and orders) the rest', () => {
    const list = runAllocations(held, 60_000, 10_000);
    // 10,000 images of 784 bytes: 7.8 MB, an 8 MiB bucket; the 50,000 trained on, a 64 MiB one.
    expect(list).toContainEqual({ what: 'the validation images', bytes: 8 * MIB });
    expect(list).toContainEqual({ what: 'the images of this run', bytes: 64 * MIB });
    expect(list).toContainEqual({ what: 'the data order', bytes: 256 * 1024 });
    expect(runAllocations(DEFAULT_SETTINGS, 60_000, 10_000).map((a) => a.what)).not.toContain(
      'the validation images',
    );
  });

  test('a run with them is reckoned larger by both copies: 8 + 64 MiB', () => {
    const total = (settings: typeof held) =>
      runAllocations(settings, 60_000, 10_000).reduce((sum, a) => sum + a.bytes, 0);
    expect(total(held) - total(DEFAULT_SETTINGS)).toBe(72 * MIB);
  });
});

describe('checkRunFits for a ConvNet', () => {
  const convnet = { ...DEFAULT_SETTINGS, model: 'convnet' as const, batchSize: 64 };
  test("the book's ConvNet fits on any device, and its conv activations are counted", () => {
    expect(checkRunFits(convnet, DEFAULTS, 60_000, 10_000)).toBeNull();
    const list = runAllocations(convnet, 60_000, 10_000);
    // Conv2D(32)'s output for a batch of 64: 64 x 26 x 26 x 32 floats, 5.5 MB (an 8 MiB bucket).
    expect(
      list.filter((a) => a.what === 'the outputs of Conv2D(32, 3x3, relu) for a batch of 64 images'),
    ).toHaveLength(4);
    expect(list.some((a) => a.what === 'the weights of Dense(64, relu) (its RMSprop average)')).toBe(true);
  });

  test("each optimizer's state is counted: none for plain SGD, a velocity with momentum, two moments for Adam", () => {
    const bytes = (optimizer: 'sgd' | 'rmsprop' | 'adam', momentum = 0) =>
      runAllocations({ ...DEFAULT_SETTINGS, optimizer, momentum }, 60_000, 10_000).reduce(
        (sum, a) => sum + a.bytes,
        0,
      );
    const perState = bytes('rmsprop') - bytes('sgd');
    expect(perState).toBeGreaterThan(784 * 512 * 4);
    expect(bytes('adam') - bytes('rmsprop')).toBe(perState);
    expect(bytes('sgd', 0.9)).toBe(bytes('rmsprop'));
    const list = runAllocations({ ...DEFAULT_SETTINGS, optimizer: 'sgd', momentum: 0.9 }, 60_000, 10_000);
    expect(list.some((a) => a.what === 'the hidden biases (its SGD velocity)')).toBe(true);
  });

  test('a ConvNet too wide for the memory is refused with a reason', () => {
    const wide = { ...convnet, batchSize: 4096, layers: 'c256,c256,p,f,d64' };
    expect(checkRunFits(wide, SWIFTSHADER, 60_000, 10_000)).toMatch(
      /^This ConvNet is too large: .*Nothing was allocated. Try a smaller batch or fewer filters.$/,
    );
  });
});

test('an imported stack is checked like typed settings: each array against a buffer, the whole against the budget', () => {
  expect(
    checkStackFits([{ length: 784 * 512 }, { length: 512 }, { length: 5120 }, { length: 10 }], DEFAULTS),
  ).toBeNull();
  expect(checkStackFits([{ length: 784 * 200_000 }, { length: 200_000 }], DEFAULTS)).toMatch(
    /^This model is too large: one of its weight arrays needs a 1.07 GB buffer, but this GPU allows at most 134 MB in one buffer\. Nothing was allocated\.$/,
  );
  const many = Array.from({ length: 10 }, () => ({ length: 30_000_000 }));
  expect(checkStackFits(many, { maxBufferSize: 4e9, maxStorageBufferBindingSize: 4e9 })).toMatch(
    /its weights need 1\.34 GB of GPU memory, more than this app's limit of 1 GB/,
  );
});
