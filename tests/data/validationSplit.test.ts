import { describe, expect, it } from 'vitest';
import { splitTraining } from '../../src/data/validationSplit';

describe('splitTraining (Keras validation_split: the last images held out)', () => {
  it('holds out the last N images and trains on the first of the rest', () => {
    expect(splitTraining(60000, 60000, 10000)).toEqual({
      trainCount: 50000,
      validationStart: 50000,
      validationCount: 10000,
    });
    expect(splitTraining(60000, 6000, 10000)).toEqual({
      trainCount: 6000,
      validationStart: 50000,
      validationCount: 10000,
    });
  });

  it('without validation, trains on the first `train` images as before', () => {
    expect(splitTraining(60000, 60000, 0)).toEqual({
      trainCount: 60000,
      validationStart: 60000,
      validationCount: 0,
    });
    expect(splitTraining(1000, 5000, 0).trainCount).toBe(1000);
  });

  it('never trains on a held-out image, whatever the sizes', () => {
    for (const total of [1, 2, 7, 100, 60000])
      for (const train of [1, 3, 50, 59999, 60000])
        for (const validation of [0, 1, 5, 99, 10000, 59999].filter((v) => v < total)) {
          const split = splitTraining(total, train, validation);
          expect(split.trainCount).toBeGreaterThanOrEqual(1);
          expect(split.trainCount).toBeLessThanOrEqual(split.validationStart);
          expect(split.validationStart + split.validationCount).toBe(total);
        }
  });

  it('refuses to hold out every image', () => {
    expect(() => splitTraining(100, 100, 100)).toThrow(/fewer than the 100 training images/);
    expect(() => splitTraining(100, 100, -1)).toThrow(/Validation/);
  });
});
