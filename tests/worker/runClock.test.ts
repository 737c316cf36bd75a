import { expect, test } from 'vitest';
import { describeEvaluation, describeProgress } from '../../src/ui/format';
import { RunClock, type RunClockPlan } from '../../src/worker/runClock';

/** A clock whose milliseconds the test sets. */
function clockAt(plan: Partial<RunClockPlan> = {}) {
  const time = { ms: 0 };
  const clock = new RunClock({
    epochs: 1,
    batchSize: 100,
    images: 1000,
    fromEpoch: 0,
    secondsBefore: 0,
    evaluatedPerEpoch: 10_000,
    finalTest: 0,
    now: () => time.ms,
    ...plan,
  });
  return { clock, time };
}

test('the time left counts the evaluation still to come, estimated from the step time before one ran', () => {
  const { clock, time } = clockAt();
  time.ms = 9000; // 9 of 10 batches in 9 s: 1 s a batch, 10 ms an image trained
  const p = clock.at(0, 9);
  // One batch (1 s) and 10,000 test images at a third of a trained image's time (33.3 s).
  expect(p.secondsLeft).toBeCloseTo(1 + 10_000 * (0.01 / 3), 5);
  expect(p.imagesPerSecond).toBeCloseTo(100, 5);
  // The bar is less than 90% full: the evaluation's time is in its total.
  expect(p.fraction).toBeCloseTo(9 / (10 + 10_000 * (0.01 / 3)), 5);
  expect(describeProgress(p).fraction).toBe(p.fraction);
});

test('an evaluation going on is measured as it goes and shows its progress; the bar fills at the end', () => {
  const { clock, time } = clockAt();
  time.ms = 10_000; // the epoch's 10 batches: 1 s each
  clock.evaluationStarted();
  time.ms = 30_000; // 4,000 images in 20 s: 5 ms an image, measured
  const p = clock.evaluating(0, 4000);
  expect(p.secondsLeft).toBeCloseTo(6000 * 0.005, 5);
  expect(p.fraction).toBeCloseTo(30 / 60, 5);
  // The training speed leaves the evaluation's time out.
  expect(p.imagesPerSecond).toBeCloseTo(100, 5);
  expect(describeEvaluation('the 10,000 test images', 4000, p)).toBe(
    'Evaluating on the 10,000 test images… 4,000 done · about 30 s left',
  );
  time.ms = 60_000;
  clock.evaluationEnded(10_000);
  const end = clock.at(1, 0);
  expect(end.secondsLeft).toBe(0);
  expect(end.fraction).toBe(1);
});

test('after the first evaluation, later ones are counted at its measured speed; a validated run adds its final test', () => {
  const { clock, time } = clockAt({ epochs: 2, evaluatedPerEpoch: 1000, finalTest: 10_000 });
  time.ms = 10_000;
  clock.evaluationStarted();
  time.ms = 12_000; // 1,000 validation images in 2 s
  clock.evaluationEnded(1000);
  const p = clock.at(1, 0);
  // 10 batches (10 s), then 1,000 validation and 10,000 test images at 2 ms each (22 s).
  expect(p.secondsLeft).toBeCloseTo(10 + 11_000 * 0.002, 5);
  expect(p.epoch).toBe(1);
  expect(p.batch).toBe(0);
  // The final test, after the last epoch's own evaluation: only its images are left.
  time.ms = 22_000;
  clock.evaluationStarted();
  time.ms = 24_000;
  clock.evaluationEnded(1000);
  clock.evaluationStarted();
  time.ms = 34_000; // 5,000 test images in 10 s: 2 ms each
  expect(clock.evaluating(1, 5000, true).secondsLeft).toBeCloseTo(5000 * 0.002, 5);
});

test('no estimate before the first batches, and a saved run without a share fills by batches', () => {
  const { clock } = clockAt();
  expect(clock.at(0, 0).secondsLeft).toBeNull();
  const saved = { epoch: 1, epochs: 2, batch: 0, batches: 10, imagesPerSecond: 0, secondsLeft: null };
  expect(describeProgress(saved).fraction).toBe(0.5);
  expect(describeEvaluation('the 10,000 test images', 0, null)).toBe('Evaluating on the 10,000 test images…');
});
