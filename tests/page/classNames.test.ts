import { expect, test } from 'vitest';
import { evaluatedImagesWords, testImagesWords } from '../../src/page/classNames';

const shapes = { name: 'Shapes', testCount: 30 };

test('the test images are MNIST’s or the imported data set’s', () => {
  expect(testImagesWords(null)).toBe('the 10,000 test images');
  expect(testImagesWords(shapes)).toBe('the 30 test images of Shapes');
});

test('a validated run evaluates its validation images each epoch and its test set at the end', () => {
  expect(evaluatedImagesWords(2000, false, null)).toBe('the 2,000 validation images');
  expect(evaluatedImagesWords(2000, true, null)).toBe('the 10,000 test images');
  expect(evaluatedImagesWords(20, true, shapes)).toBe('the 30 test images of Shapes');
  // Without validation the test set is what every epoch measures.
  expect(evaluatedImagesWords(0, false, null)).toBe('the 10,000 test images');
});
