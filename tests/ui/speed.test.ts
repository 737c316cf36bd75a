import { describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/protocol/settings';
import { describeSpeed, speedOf, trainingFlopsPerImage } from '../../src/ui/speed';

const progress = { epoch: 0, epochs: 5, batch: 10, batches: 469, imagesPerSecond: 1280, secondsLeft: 100 };

describe('the live speed line', () => {
  test("the MLP's FLOPs per image: forward and weight gradient of both layers, input gradient of the second", () => {
    // The benchmark's 2·B·(2·784·512 + 3·512·10) for B = 128, per image.
    expect(trainingFlopsPerImage(DEFAULT_SETTINGS)).toBe(2 * (2 * 784 * 512 + 3 * 512 * 10));
    expect(trainingFlopsPerImage({ ...DEFAULT_SETTINGS, hidden: 64 })).toBe(2 * (2 * 784 * 64 + 3 * 64 * 10));
  });

  test("the book ConvNet's FLOPs per image match the benchmark's count", () => {
    // scripts/bench/common.ts: 2 · 5,588,480 (forward and weight gradients) + 5,199,104 (input gradients).
    expect(trainingFlopsPerImage({ ...DEFAULT_SETTINGS, model: 'convnet' })).toBe(2 * 5_588_480 + 5_199_104);
  });

  test('ms per step, images/s and GFLOP/s from the reported rate', () => {
    const speed = speedOf(progress, DEFAULT_SETTINGS);
    expect(speed?.msPerStep).toBe(100); // 128 images at 1,280 images/s
    expect(speed?.imagesPerSecond).toBe(1280);
    expect(speed?.gflops).toBeCloseTo((1280 * trainingFlopsPerImage(DEFAULT_SETTINGS)) / 1e9, 12);
    expect(describeSpeed(speed as NonNullable<typeof speed>)).toBe(
      '100.0 ms per step · 1,280 images/s · 2.09 GFLOP/s effective',
    );
  });

  test('no rate yet: no speed', () => {
    expect(speedOf({ ...progress, imagesPerSecond: 0 }, DEFAULT_SETTINGS)).toBeNull();
  });
});
