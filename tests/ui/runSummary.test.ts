import { expect, test } from 'vitest';
import { commonestMistake, runSummary } from '../../src/ui/runSummary';

/** A 10x10 matrix with 980 right per class and the given mistakes (true, predicted, count). */
function matrixWith(mistakes: [number, number, number][]): Uint32Array {
  const matrix = new Uint32Array(100);
  for (let d = 0; d < 10; d++) matrix[d * 11] = 980;
  for (const [label, predicted, count] of mistakes) matrix[label * 10 + predicted] = count;
  return matrix;
}

test('the summary reads the run’s own figures, as the issue words it', () => {
  expect(
    runSummary({
      curve: [
        { step: 1, loss: 2.2981 },
        { step: 1200, loss: 0.31 },
        { step: 2345, loss: 0.0412 },
      ],
      test: { accuracy: 0.9812 },
      confusion: {
        classes: 10,
        matrix: matrixWith([
          [4, 9, 23],
          [9, 4, 11],
          [7, 2, 19],
        ]),
      },
      stopped: false,
    }),
  ).toBe(
    'The loss fell from 2.30 to 0.04 over 2,345 steps; it reads 98.1% of test images right; it most often mistakes 4 for 9, 23 times.',
  );
});

test('a stopped run, a rising loss, no test figures and no mistakes each read honestly', () => {
  expect(
    runSummary({
      curve: [
        { step: 5, loss: 2.3 },
        { step: 10, loss: 47.1 },
      ],
      test: null,
      confusion: null,
      stopped: true,
    }),
  ).toBe('Stopped early: the loss rose from 2.30 to 47.1 over 10 steps.');
  expect(
    runSummary({
      curve: [{ step: 1, loss: 1 }],
      test: { accuracy: 1 },
      confusion: { classes: 10, matrix: matrixWith([]) },
      stopped: false,
    }),
  ).toBe('The loss was 1.00 after 1 step; it reads 100.0% of test images right.');
  expect(runSummary({ curve: [], test: null, confusion: null, stopped: false })).toBeNull();
  expect(
    runSummary({ curve: [{ step: 3, loss: Number.NaN }], test: null, confusion: null, stopped: false }),
  ).toBeNull();
});

test('the commonest mistake is the largest cell off the diagonal', () => {
  expect(
    commonestMistake(
      matrixWith([
        [3, 5, 2],
        [8, 1, 6],
      ]),
      10,
    ),
  ).toEqual({ label: 8, predicted: 1, count: 6 });
  expect(commonestMistake(matrixWith([[0, 1, 1]]), 10)).toEqual({ label: 0, predicted: 1, count: 1 });
  expect(commonestMistake(matrixWith([]), 10)).toBeNull();
});
