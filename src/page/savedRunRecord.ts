// What a saved run's two IndexedDB records hold, and reading them back without trusting them: a
// record written by an older or newer version of the app, or damaged, is reported as unreadable
// (it stays listed, under its stored key, so it can be deleted) rather than crashing the list or the
// worker. The charts are checked by savedHistory.ts.
import { type DatasetIdentity, readDatasetIdentity, UnreadableIdentityError } from '../data/datasetIdentity';
import type { Settings } from '../protocol/settings';
import { DEFAULT_SETTINGS, settingsToText, validateSettings } from '../protocol/settings';
import { fail, isNumber, isObject, readHistory, UnreadableRecordError } from './savedHistory';
import type { RunHistory } from './store';

export { UnreadableRecordError } from './savedHistory';

/**
 * The records' format. 1: the first one (no `schema` field); 2: the same fields, with `schema`;
 * 3: the settings name the optimizer, and the data hold its arrays per parameter
 * (`optimizerState`) and its step count (`iterations`) instead of RMSprop's `meanSquares`;
 * 4: the settings hold SGD's `momentum` and `nesterov` (older records had none: momentum 0), and an
 * SGD run with momentum keeps its velocity as its one optimizer array (older code would read it as
 * plain SGD); 5: the run's best epoch by test loss (`best`), with its weights (`bestWeights`) when
 * it is not the latest (older records read with the latest epoch as the best known). A change that
 * old code cannot read raises it; old records are read as long as their version is.
 */
export const RECORD_SCHEMA = 5;

/** An epoch's test result: the best one is what Open best opens (Keras's save_best_only, on test loss). */
export interface EpochResult {
  epoch: number;
  testLoss: number;
  testAccuracy: number;
}

/** What the list of saved runs shows: small, read all at once. */
export interface SavedRunInfo {
  id: string;
  /** RECORD_SCHEMA when written (absent in version 1). */
  schema?: number;
  name: string;
  createdAt: number;
  updatedAt: number;
  settings: Settings;
  /** Epochs the saved weights have trained. */
  epoch: number;
  testAccuracy: number | null;
  /**
   * The epoch with the lowest test loss of those written (format 5); null when the record has no test
   * result. In records before format 5 it is the latest epoch's, the only weights they kept.
   */
  best: EpochResult | null;
  /** Bytes of weights and optimizer state. */
  bytes: number;
  /** The imported data set it trained on, with its files' SHA-256; absent: MNIST. */
  dataset?: DatasetIdentity;
}

/** The heavy part, read only to open or resume a run. Arrays keep their shapes, so any layer kind fits. */
export interface SavedRunData {
  id: string;
  shapes: number[][];
  weights: ArrayBuffer[];
  /** The optimizer's arrays per parameter (Checkpoint.optimizerState); null before its first step. */
  optimizerState: (ArrayBuffer[] | null)[];
  /** Optimizer steps taken (Checkpoint.iterations). */
  iterations: number;
  history: RunHistory;
  /** The best epoch's weights when it is not the latest; null when it is (its weights are `weights`). */
  bestWeights: ArrayBuffer[] | null;
}

/** A record that cannot be used: listed with why, so it can be deleted by its stored key. */
export interface UnreadableRunInfo {
  /** The stored key as text (for the page); `key` is the key itself, whatever its type. */
  id: string;
  key: IDBValidKey;
  /** Its name, if that much could be read. */
  name: string | null;
  unreadable: string;
}

export type SavedRunListing = SavedRunInfo | UnreadableRunInfo;

export function isUnreadable(run: SavedRunListing): run is UnreadableRunInfo {
  return 'unreadable' in run;
}

/** The settings, each checked as if typed into the form. */
function readSettings(saved: unknown): Settings {
  if (!isObject(saved)) fail('it has no settings');
  // A run saved before the optimizer was a setting trained with RMSprop; one saved before momentum
  // was, with Keras's defaults for it; one saved before "my digits too", without the user's digits.
  // One saved before validation images and early stopping were settings had neither.
  const raw = {
    optimizer: 'rmsprop',
    momentum: 0,
    nesterov: false,
    myDigits: false,
    validation: 0,
    patience: 0,
    ...saved,
  };
  const missing = Object.keys(DEFAULT_SETTINGS).filter((key) => !Object.hasOwn(raw, key));
  if (missing.length > 0) fail(`its settings lack ${missing.join(', ')}`);
  const { settings, errors } = validateSettings(settingsToText(raw as unknown as Settings));
  if (!settings) fail(`its settings are invalid (${Object.values(errors).join(' ')})`);
  return settings;
}

function readVersion(raw: Record<string, unknown>): void {
  const schema = raw.schema ?? 1;
  if (!Number.isInteger(schema) || (schema as number) < 1)
    fail(`its format version (${String(schema)}) is invalid`);
  if ((schema as number) > RECORD_SCHEMA)
    fail(
      `it was saved by a newer version of this app (format ${schema}; this page reads up to ${RECORD_SCHEMA})`,
    );
}

/** The best epoch as stored (format 5), or the latest epoch's result from the history (before). */
function readBest(raw: Record<string, unknown>, epoch: number): EpochResult | null {
  if (((raw.schema as number | undefined) ?? 1) < 5) return null; // known once the charts are read
  const { best } = raw;
  if (best === null) return null;
  if (!isObject(best)) fail('its best epoch is not a result');
  const { testLoss, testAccuracy } = best;
  if (!Number.isInteger(best.epoch) || (best.epoch as number) < 1 || (best.epoch as number) > epoch)
    fail(`its best epoch (${String(best.epoch)}) is not between 1 and ${epoch}`);
  if (!isNumber(testLoss) || testLoss < 0 || !isNumber(testAccuracy) || testAccuracy < 0 || testAccuracy > 1)
    fail('its best epoch has no test loss and accuracy');
  return { epoch: best.epoch as number, testLoss, testAccuracy };
}

/** The data set a run trained on: absent for MNIST, else an identity checked field by field. */
function readDataset(raw: unknown): DatasetIdentity | null {
  if (raw === undefined || raw === null) return null;
  try {
    return readDatasetIdentity(raw);
  } catch (error) {
    if (error instanceof UnreadableIdentityError) fail(error.message);
    throw error;
  }
}

/** The list's part of a record, checked; an unreadable one says why, under its stored key. */
export function readInfo(raw: unknown): SavedRunListing {
  const key = (isObject(raw) ? raw.id : undefined) as IDBValidKey;
  const id = String(key);
  const name = isObject(raw) && typeof raw.name === 'string' ? raw.name : null;
  try {
    if (!isObject(raw)) fail('it is not a record');
    if (typeof raw.id !== 'string') fail(`its key (${id}) is not text`);
    readVersion(raw);
    if (name === null) fail('it has no name');
    for (const key of ['createdAt', 'updatedAt', 'bytes'] as const)
      if (!isNumber(raw[key]) || (raw[key] as number) < 0) fail(`its ${key} is not a number`);
    const settings = readSettings(raw.settings);
    const { epoch, testAccuracy } = raw;
    if (!Number.isInteger(epoch) || (epoch as number) < 0 || (epoch as number) > settings.epochs)
      fail(`its epoch (${String(epoch)}) is not between 0 and ${settings.epochs}`);
    if (testAccuracy !== null && !(isNumber(testAccuracy) && testAccuracy >= 0 && testAccuracy <= 1))
      fail('its test accuracy is not a fraction');
    const best = readBest(raw, epoch as number);
    const dataset = readDataset(raw.dataset);
    const info = { ...(raw as unknown as SavedRunInfo), id: raw.id, name, settings, best };
    if (dataset) info.dataset = dataset;
    else delete info.dataset;
    return info;
  } catch (error) {
    if (!(error instanceof UnreadableRecordError)) throw error;
    return { id, key, name, unreadable: `This saved run cannot be read: ${error.message}.` };
  }
}

/**
 * The optimizer's part of the data: as written (formats 3 and 4), or RMSprop's mean squares of formats 1
 * and 2, one array per parameter, with no step count (RMSprop needs none).
 */
function readOptimizerState(raw: Record<string, unknown>, info: SavedRunInfo) {
  if ((info.schema ?? 1) < 3) {
    const { meanSquares } = raw;
    if (!Array.isArray(meanSquares)) fail('its optimizer state is missing');
    return { optimizerState: meanSquares.map((m) => (m === null ? null : [m])), iterations: 0 };
  }
  const { optimizerState, iterations } = raw;
  if (!Array.isArray(optimizerState)) fail('its optimizer state is missing');
  if (!Number.isInteger(iterations) || (iterations as number) < 0)
    fail(`its optimizer step count (${String(iterations)}) is not a whole number`);
  if (!optimizerState.every((s) => s === null || (Array.isArray(s) && s.length <= 2)))
    fail('its optimizer state is damaged');
  return { optimizerState: optimizerState as unknown[][], iterations: iterations as number };
}

/** Arrays of the sizes `shapes` say, of finite numbers (weights, the best epoch's weights). */
function checkWeights(weights: unknown[], shapes: unknown[], what: string): void {
  if (weights.length === 0 || shapes.length !== weights.length)
    fail(`its ${what} and their shapes do not match`);
  weights.forEach((buffer, i) => {
    const shape = shapes[i];
    if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 1))
      fail(`the shape of array ${i} is not whole numbers of at least 1`);
    const size = shape.reduce((n: number, d: number) => n * d, 1);
    if (!(buffer instanceof ArrayBuffer) || buffer.byteLength !== size * 4)
      fail(`array ${i} does not hold the ${size} numbers its shape [${shape.join(', ')}] says`);
    if (!new Float32Array(buffer).every(Number.isFinite)) fail(`array ${i} holds NaN or infinite ${what}`);
  });
}

/**
 * The heavy part of a record, checked against its list part: shapes, sizes, finite numbers, every
 * field of the charts. A record before format 5 gets its best epoch here: the latest, from its charts.
 */
export function readData(raw: unknown, info: SavedRunInfo): SavedRunData {
  if (!isObject(raw)) fail('its weights are missing');
  const { shapes, weights } = raw;
  if (!Array.isArray(shapes) || !Array.isArray(weights)) fail('its weights are missing');
  const { optimizerState, iterations } = readOptimizerState(raw, info);
  checkWeights(weights, shapes, 'weights');
  if (optimizerState.length !== weights.length) fail('its weights and their optimizer state do not match');
  weights.forEach((buffer: ArrayBuffer, i) => {
    for (const state of optimizerState[i] ?? []) {
      if (!(state instanceof ArrayBuffer && state.byteLength === buffer.byteLength))
        fail(`the optimizer state of array ${i} does not match its weights`);
      if (!new Float32Array(state).every(Number.isFinite))
        fail(`the optimizer state of array ${i} is not finite`);
    }
  });
  const history = readHistory(raw.history, info.settings, info.epoch);
  const bestWeights = raw.bestWeights ?? null;
  if (bestWeights !== null) {
    if (!Array.isArray(bestWeights)) fail("its best epoch's weights are not a list");
    checkWeights(bestWeights, shapes, "best epoch's weights");
  }
  if (info.best && info.best.epoch !== info.epoch && !bestWeights)
    fail(`its best epoch's weights (epoch ${info.best.epoch}) are missing`);
  const data = { id: info.id, shapes, weights, optimizerState, iterations, history, bestWeights };
  return data as SavedRunData;
}

/** An epoch's test result from the charts, if they have it. */
export function resultOf(history: RunHistory, epoch: number): EpochResult | null {
  const point = history.epochs.find((e) => e.epoch === epoch);
  return point ? { epoch, testLoss: point.testLoss, testAccuracy: point.testAccuracy } : null;
}

/**
 * Both parts of a stored run, checked (throws UnreadableRecordError, saying why). Before format 5
 * the best epoch known is the latest, the only one whose weights were kept.
 */
export function readRecord(rawInfo: unknown, rawData: unknown): SavedRunInfo & { data: SavedRunData } {
  const info = readInfo(rawInfo);
  if (isUnreadable(info)) throw new UnreadableRecordError(info.unreadable);
  try {
    const data = readData(rawData, info);
    const best = (info.schema ?? 1) < 5 ? resultOf(data.history, info.epoch) : info.best;
    return { ...info, best, data };
  } catch (error) {
    if (error instanceof UnreadableRecordError)
      throw new UnreadableRecordError(`This saved run cannot be read: ${error.message}.`);
    throw error;
  }
}
