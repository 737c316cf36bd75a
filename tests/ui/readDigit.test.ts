import { expect, test } from 'vitest';
import { readDigit } from '../../src/ui/opinion';

test('the digit read is the most probable one, or none when a probability is not a number', () => {
  expect(readDigit([0.1, 0.7, 0.2])).toBe(1);
  expect(readDigit([0.5, 0.5, 0])).toBe(0);
  // argmax alone would answer 0, confidently, for broken weights.
  expect(readDigit([Number.NaN, Number.NaN, Number.NaN])).toBeNull();
  expect(readDigit([0.2, Number.NaN, 0.8])).toBeNull();
  expect(readDigit(new Float32Array([Number.POSITIVE_INFINITY, 0]))).toBeNull();
});
