// Turns the worker's messages (and the page's own transitions) into immutable snapshots for the UI,
// read with useSyncExternalStore. A snapshot object is replaced only when something changed, never
// mutated. The state is split by concern, each with its own reducer; every reducer reads the
// snapshot as it was before the event.
import type { Settings } from '../../protocol/settings';
import { type BrowseState, initialBrowse, reduceBrowse } from './browse';
import { type ChartsState, NO_CHARTS, reduceCharts } from './charts';
import { type DataState, initialData, reduceData } from './data';
import { type DatasetState, initialDataset, reduceDataset } from './dataset';
import { type DeviceState, initialDevice, reduceDevice } from './device';
import { type EvaluationState, initialEvaluation, reduceEvaluation } from './evaluation';
import type { StoreEvent } from './events';
import { type InsightState, initialInsight, reduceInsight } from './insight';
import { initialPad, type PadState, reducePad } from './pad';
import { initialRateFinder, type RateFinderState, reduceRateFinder } from './rateFinder';
import { initialRun, type RunState, reduceRun } from './run';
import type { RunHistory } from './runHistory';
import { initialSpeedrun, reduceSpeedrun, type SpeedrunState } from './speedrun';
import { initialStep, reduceStep, type StepState } from './step';
import { initialUserDigits, reduceUserDigits, type UserDigitsState } from './userDigits';

export { addToCurve, batchesPerEpoch, epochBatches, MAX_CURVE_POINTS } from './charts';
export type { PageEvent, StoreEvent } from './events';
export type { PadImage } from './pad';
export { isAboutDrawing, testImageCaption } from './pad';
export type { RateFinderResult } from './rateFinder';
export type { Phase } from './run';
export type { CurvePoint, EpochPoint, RunHistory } from './runHistory';
export type { StepResult } from './step';

export type Snapshot = DataState &
  DeviceState &
  RunState &
  ChartsState &
  InsightState &
  RateFinderState &
  StepState &
  EvaluationState &
  PadState &
  SpeedrunState &
  UserDigitsState &
  DatasetState &
  BrowseState;

export const initialSnapshot: Snapshot = {
  ...initialData,
  ...initialDevice,
  ...initialRun,
  ...NO_CHARTS,
  ...initialInsight,
  ...initialRateFinder,
  ...initialStep,
  ...initialEvaluation,
  ...initialPad,
  ...initialSpeedrun,
  ...initialUserDigits,
  ...initialDataset,
  ...initialBrowse,
};

/** The pure state transition: one event in, the next snapshot out (the same one if nothing changed). */
export function reduce(s: Snapshot, m: StoreEvent): Snapshot {
  const changes = [
    reduceData(m),
    reduceDevice(s, m),
    reduceRun(s, m),
    reduceCharts(s, m),
    reduceInsight(s, m),
    reduceRateFinder(m),
    reduceStep(s, m),
    reduceEvaluation(s, m),
    reducePad(s, m),
    reduceSpeedrun(m),
    reduceUserDigits(s, m),
    reduceDataset(s, m),
    reduceBrowse(s, m),
  ];
  if (changes.every((c) => c === null)) return s;
  return Object.assign({ ...s }, ...changes);
}

/** A saved run's charts and settings, shown when it is opened or resumed; its last test result stands. */
export function withSavedHistory(s: Snapshot, settings: Settings, history: RunHistory): Snapshot {
  return reduce(s, { type: 'page:saved', settings, history });
}
