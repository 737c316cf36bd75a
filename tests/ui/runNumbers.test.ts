import { describe, expect, test } from 'vitest';
import { liveNumbers } from '../../src/ui/liveNumbers';
import { describeGap, resultFigures } from '../../src/ui/resultFigures';

const point = (step: number, loss: number, accuracy: number) => ({
  step,
  loss,
  accuracy,
  batches: 1,
  reports: 1,
});
const epoch = (n: number, trainAccuracy: number, testAccuracy: number) => ({
  epoch: n,
  trainLoss: 0.1,
  trainAccuracy,
  testLoss: 0.08,
  testAccuracy,
});

describe('the live numbers beside the progress line', () => {
  test('none before the first metrics report', () => {
    expect(liveNumbers([], [])).toBeNull();
  });

  test('the latest training loss (three decimals) and accuracy (one), no test before an epoch ends', () => {
    expect(liveNumbers([point(5, 1.2, 0.5), point(10, 0.41234, 0.8812)], [])).toEqual({
      loss: '0.412',
      accuracy: '88.1%',
      test: null,
    });
  });

  test('the latest test accuracy, with the epoch it was measured after', () => {
    const numbers = liveNumbers([point(10, 0.05, 0.99)], [epoch(1, 0.95, 0.9712), epoch(2, 0.98, 0.9814)]);
    expect(numbers?.test).toEqual({ accuracy: '98.1%', epoch: 2 });
  });

  test('a diverged loss still reads as a number', () => {
    expect(liveNumbers([point(3, 1234.5, 0.1)], [])?.loss).toBe('1,235');
  });
});

describe('the result at the end of a run', () => {
  test('"training 98.9%, test 98.1% (the book: 97.8%)"', () => {
    expect(resultFigures(0.989, 0.981, 'dense')).toEqual({ train: '98.9%', test: '98.1%', book: '97.8%' });
    expect(resultFigures(null, 0.99, 'convnet')).toEqual({ train: null, test: '99.0%', book: '99.1%' });
  });

  test('one sentence on what the gap means, in points', () => {
    expect(describeGap(0.989, 0.961)).toMatch(
      /^Training is 2\.8 points above test: .*trust the test figure\.$/,
    );
    expect(describeGap(0.743, 0.854)).toMatch(/^Test is 11\.1 points above training: /);
    expect(describeGap(0.984, 0.981)).toMatch(/^Training and test are close/);
  });
});
