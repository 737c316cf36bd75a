// A saved run's charts read back without trusting them: every field of every chart point, epoch
// point and rate change is checked, because the reducer, the charts and a resumed run (its rate) all
// take them as they are. A damaged history makes the record unreadable, with why.
import { type Settings, trainingImages } from '../protocol/settings';
import { batchesPerEpoch, type RunHistory } from './store';

/** Thrown for a record that cannot be used; its message says why. */
export class UnreadableRecordError extends Error {
  override name = 'UnreadableRecordError';
}

export function fail(message: string): never {
  throw new UnreadableRecordError(message);
}

export const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);
export const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const isWhole = (x: unknown, from: number): x is number => Number.isInteger(x) && (x as number) >= from;
const isFraction = (x: unknown) => isNumber(x) && x >= 0 && x <= 1;

/** A loss as the charts keep it: a number of at least 0 (a training loss may have become infinite). */
const isLoss = (x: unknown) => typeof x === 'number' && !Number.isNaN(x) && x >= 0;

function checkCurve(curve: unknown[], lastStep: number): void {
  let previous = 0;
  curve.forEach((point, i) => {
    const where = `chart point ${i + 1}`;
    if (!isObject(point)) fail(`its ${where} is not a point`);
    const { step, loss, accuracy, batches, reports } = point;
    if (!isWhole(step, 1) || step <= previous || step > lastStep)
      fail(`its ${where} is at step ${String(step)}, not after ${previous} and within the run`);
    if (!isLoss(loss)) fail(`its ${where} has the loss ${String(loss)}`);
    if (!isFraction(accuracy)) fail(`its ${where} has the accuracy ${String(accuracy)}`);
    if (!isWhole(batches, 1) || !isWhole(reports, 1)) fail(`its ${where} counts no batches or reports`);
    previous = step;
  });
}

function checkEpochs(epochs: unknown[], upTo: number): void {
  epochs.forEach((point, i) => {
    if (!isObject(point)) fail(`its test point ${i + 1} is not a point`);
    const { epoch, trainLoss, trainAccuracy, testLoss, testAccuracy } = point;
    if (epoch !== i + 1 || i + 1 > upTo)
      fail(`its test point ${i + 1} is for epoch ${String(epoch)}, not ${i + 1} of at most ${upTo}`);
    if (!isLoss(trainLoss) || !isLoss(testLoss) || !Number.isFinite(testLoss))
      fail(`its test point for epoch ${i + 1} has a loss that is not a number`);
    if (!isFraction(trainAccuracy) || !isFraction(testAccuracy))
      fail(`its test point for epoch ${i + 1} has an accuracy that is not a fraction`);
  });
}

function checkRateChanges(changes: unknown, lastStep: number): void {
  if (changes === undefined) return; // runs saved before rate changes existed have none
  if (!Array.isArray(changes)) fail('its learning-rate changes are not a list');
  let previous = -1;
  changes.forEach((change, i) => {
    if (!isObject(change)) fail(`its learning-rate change ${i + 1} is not a change`);
    const { step, rate } = change;
    if (!isWhole(step, 0) || step <= previous || step > lastStep)
      fail(
        `its learning-rate change ${i + 1} is at step ${String(step)}, not after ${previous} and within the run`,
      );
    if (!isNumber(rate) || rate <= 0)
      fail(`its learning-rate change ${i + 1} sets the rate ${String(rate)}; a rate is a number above 0`);
    previous = step;
  });
}

/** The test measured at the end and early stopping's epochs (absent before they existed, or null). */
function checkHeldOut(finalTest: unknown, earlyStop: unknown, epoch: number): void {
  if (finalTest != null && !(isObject(finalTest) && isLoss(finalTest.loss) && isFraction(finalTest.accuracy)))
    fail('its final test result is not a loss and an accuracy');
  if (earlyStop == null) return;
  const { bestEpoch, stoppedEpoch } = isObject(earlyStop) ? earlyStop : {};
  if (!isWhole(bestEpoch, 1) || !isWhole(stoppedEpoch, bestEpoch + 1) || stoppedEpoch > epoch)
    fail(
      `its early stop (best epoch ${String(bestEpoch)}, stopped after ${String(stoppedEpoch)}) is not within the run`,
    );
}

/**
 * Batches in the run's epochs: as it kept them, at least what its settings make (the user's digits
 * mixed in add batches) and at most one per training image; as its settings make when not kept.
 */
function checkBatchesPerEpoch(kept: unknown, settings: Settings): number {
  const fromSettings = batchesPerEpoch(settings);
  if (kept === undefined) return fromSettings;
  const most = trainingImages(settings);
  if (!isWhole(kept, fromSettings) || (kept as number) > most)
    fail(`its epochs are ${String(kept)} batches long, not from ${fromSettings} to ${most}`);
  return kept as number;
}

/** The history of a run saved after `epoch` epochs with these settings, every field checked. */
export function readHistory(raw: unknown, settings: Settings, epoch: number): RunHistory {
  if (!isObject(raw) || !Array.isArray(raw.curve) || !Array.isArray(raw.epochs))
    fail('its charts are missing');
  if (!isWhole(raw.curveStride, 1)) fail('its charts are damaged (their stride is not a whole number)');
  // Save now in mid-epoch keeps the charts to the last epoch's end; a stopped run's, to where it stopped.
  const lastStep = settings.epochs * checkBatchesPerEpoch(raw.batchesPerEpoch, settings);
  checkCurve(raw.curve, lastStep);
  checkEpochs(raw.epochs, epoch);
  checkRateChanges(raw.rateChanges, lastStep);
  checkHeldOut(raw.testAtEnd, raw.earlyStop, epoch);
  return raw as unknown as RunHistory;
}
