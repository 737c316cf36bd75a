import { expect, test } from 'vitest';
import { runWarning } from '../../src/page/runHealth';
import type { CurvePoint } from '../../src/page/store';

/** One curve point per report, 5 batches each. */
const curve = (points: [loss: number, accuracy: number][]): CurvePoint[] =>
  points.map(([loss, accuracy], i) => ({ step: (i + 1) * 5, loss, accuracy, batches: 5, reports: 1 }));

test('a loss far above guessing (ln 10) is flagged after the first reports, with a smaller rate suggested', () => {
  expect(runWarning(curve([[2.4, 0.1]]))).toBeNull();
  expect(
    runWarning(
      curve([
        [2.4, 0.1],
        [900, 0.1],
      ]),
    ),
  ).toBeNull(); // too early to judge
  const warning = runWarning(
    curve([
      [2.4, 0.1],
      [900, 0.1],
      [1234.4, 0.1],
    ]),
  );
  expect(warning).toBe(
    'The training loss rose to 1234, far above the 2.30 of random guessing (it started at 2.40). ' +
      'The learning rate is probably too high: try a smaller one (the default is 0.001).',
  );
});

test('once raised, the warning stays while the exploded loss swings back down', () => {
  const swinging = curve([
    [2.4, 0.1],
    [900, 0.1],
    [1234.4, 0.1],
    [2.1, 0.2],
  ]);
  expect(runWarning(swinging)).toMatch(/^The training loss rose to 1234, /);
});

test('a curve that learns, even slowly or with a bumpy start, is not flagged', () => {
  const learning = curve(Array.from({ length: 40 }, (_, i) => [2.3 - i * 0.04, 0.1 + i * 0.02]));
  expect(runWarning(learning)).toBeNull();
  const bumpy = curve([[5, 0.1], [6.5, 0.1], [3, 0.3], ...Array(10).fill([0.9, 0.7])]);
  expect(runWarning(bumpy)).toBeNull();
  // A tiny rate: accuracy still near chance, but the loss is going down, below guessing.
  const slow = curve(Array.from({ length: 20 }, (_, i) => [2.25 - i * 0.001, 0.11]));
  expect(runWarning(slow)).toBeNull();
});

test('accuracy stuck at chance with a loss no better than guessing is flagged after ten reports', () => {
  const stuck = Array(10).fill([2.31, 0.1]) as [number, number][];
  expect(runWarning(curve(stuck.slice(0, 9)))).toBeNull();
  expect(runWarning(curve(stuck))).toMatch(/^Accuracy is stuck at chance \(10%\).*try a smaller one/);
});

test('merged curve points count all the reports they hold', () => {
  const merged: CurvePoint[] = [{ step: 15, loss: 40, accuracy: 0.1, batches: 15, reports: 3 }];
  expect(runWarning(merged)).toMatch(/^The training loss rose to 40\.00/);
});
