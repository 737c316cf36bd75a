// The run's charts: the training curve (merged as it grows, so a long run keeps its whole history
// in bounded memory) and one point per epoch with the test set's figures.

import type { RateChange } from '../../protocol/protocol';
import type { EarlyStop, EpochLogs, Evaluation } from '../../protocol/reports';
import { type Settings, trainingImages } from '../../protocol/settings';
import type { StoreEvent } from './events';
import type { CurvePoint, EpochPoint } from './runHistory';

export interface ChartsState {
  curve: CurvePoint[];
  /** Reports per curve point: doubles each time the curve is halved. */
  curveStride: number;
  epochs: EpochPoint[];
  rateChanges: RateChange[];
  /** The test set measured once at the end (runs with validation images, or stopped early). */
  testAtEnd: Evaluation | null;
  earlyStop: EarlyStop | null;
  /** As the worker counts them (src/page/store/runHistory.ts); unknown until the first report. */
  batchesPerEpoch?: number;
}

/** What the charts show when no run is shown. */
export const NO_CHARTS: ChartsState = {
  curve: [],
  curveStride: 1,
  epochs: [],
  rateChanges: [],
  testAtEnd: null,
  earlyStop: null,
};

/**
 * Points kept per chart. Past this, neighbouring points are merged in pairs (their means weighted by
 * batches), so a long run keeps its whole history at an even, coarser resolution in bounded memory.
 */
export const MAX_CURVE_POINTS = 400;

function merge(a: CurvePoint, b: CurvePoint): CurvePoint {
  const batches = a.batches + b.batches;
  return {
    step: b.step,
    loss: (a.loss * a.batches + b.loss * b.batches) / batches,
    accuracy: (a.accuracy * a.batches + b.accuracy * b.batches) / batches,
    batches,
    reports: a.reports + b.reports,
  };
}

/** Adds a report: into the last point while it holds fewer than `stride` reports, else as a new one. */
export function addToCurve(
  curve: CurvePoint[],
  stride: number,
  point: CurvePoint,
): { curve: CurvePoint[]; stride: number } {
  const last = curve.at(-1);
  let next = last && last.reports < stride ? [...curve.slice(0, -1), merge(last, point)] : [...curve, point];
  if (next.length <= MAX_CURVE_POINTS) return { curve: next, stride };
  const halved: CurvePoint[] = [];
  for (let i = 0; i < next.length; i += 2)
    halved.push(i + 1 < next.length ? merge(next[i], next[i + 1]) : next[i]);
  next = halved;
  return { curve: next, stride: stride * 2 };
}

function epochPoint(logs: EpochLogs, test: Evaluation): EpochPoint {
  return {
    epoch: logs.epoch + 1,
    trainLoss: logs.loss,
    trainAccuracy: logs.accuracy,
    testLoss: test.loss,
    testAccuracy: test.accuracy,
  };
}

export function batchesPerEpoch(settings: Settings): number {
  return Math.ceil(trainingImages(settings) / settings.batchSize);
}

/** A run's batches an epoch: as it counted them, else as its settings say (a run saved before). */
export function epochBatches(history: { batchesPerEpoch?: number }, settings: Settings): number {
  return history.batchesPerEpoch ?? batchesPerEpoch(settings);
}

/** The charts up to the end of `epoch`: a run going on from there trains the rest again. */
function upToEpoch(s: ChartsState, epoch: number, batches: number): Partial<ChartsState> {
  return {
    curve: s.curve.filter((p) => p.step <= epoch * batches),
    epochs: s.epochs.filter((e) => e.epoch <= epoch),
    rateChanges: s.rateChanges.filter((c) => c.step <= epoch * batches),
    testAtEnd: null,
    earlyStop: null,
  };
}

export function reduceCharts(
  s: ChartsState & { progress: { batches: number } | null },
  m: StoreEvent,
): Partial<ChartsState> | null {
  switch (m.type) {
    case 'started':
      return NO_CHARTS;
    case 'batch': {
      const step = m.logs.epoch * m.logs.batches + m.logs.batch;
      const previous = s.curve.at(-1)?.step ?? 0;
      const point = {
        step,
        loss: m.logs.loss,
        accuracy: m.logs.accuracy,
        batches: step - previous,
        reports: 1,
      };
      const { curve, stride } = addToCurve(s.curve, s.curveStride, point);
      return { curve, curveStride: stride, batchesPerEpoch: m.logs.batches };
    }
    case 'epoch':
      return {
        epochs: [...s.epochs, epochPoint(m.logs, m.test)],
        ...(m.finalTest ? { testAtEnd: m.finalTest } : {}),
        ...(m.earlyStop ? { earlyStop: m.earlyStop } : {}),
      };
    case 'rateChanged':
      return { rateChanges: [...s.rateChanges.filter((c) => c.step < m.change.step), m.change] };
    case 'restored':
      // The run goes on from the checkpoint: what was trained after it is trained again.
      return upToEpoch(s, m.epoch, s.progress?.batches ?? 0);
    case 'continued':
      return upToEpoch(s, m.epoch, epochBatches(s, m.settings));
    case 'loaded':
      // An opened saved run brings its charts (page:saved); an imported model has none.
      return m.settings ? null : NO_CHARTS;
    case 'page:saved':
      return {
        curve: m.history.curve,
        curveStride: m.history.curveStride,
        epochs: m.history.epochs,
        rateChanges: m.history.rateChanges ?? [],
        testAtEnd: m.history.testAtEnd ?? null,
        earlyStop: m.history.earlyStop ?? null,
        batchesPerEpoch: m.history.batchesPerEpoch,
      };
    default:
      return null;
  }
}
