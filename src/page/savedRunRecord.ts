// What a saved run's two IndexedDB records hold, and reading them back without trusting them: a
// record written by an older or newer version of the app, or damaged, is reported as unreadable
// (it stays listed, so it can be deleted) rather than crashing the list or the worker.
import type { Settings } from '../protocol/settings';
import { DEFAULT_SETTINGS, settingsToText, validateSettings } from '../protocol/settings';
import type { RunHistory } from './store';

/**
 * The records' format. 1: the first one (no `schema` field); 2: the same fields, with `schema`;
 * 3: the settings name the optimizer, and the data hold its arrays per parameter
 * (`optimizerState`) and its step count (`iterations`) instead of RMSprop's `meanSquares`;
 * 4: the settings hold SGD's `momentum` and `nesterov` (older records had none: momentum 0), and an
 * SGD run with momentum keeps its velocity as its one optimizer array (older code would read it as
 * plain SGD). A change that old code cannot read raises it; old records are read as long as their
 * version is.
 */
export const RECORD_SCHEMA = 4;

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
  /** Bytes of weights and optimizer state. */
  bytes: number;
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
}

/** A record that cannot be used: listed with why, so it can be deleted. */
export interface UnreadableRunInfo {
  id: string;
  /** Its name, if that much could be read. */
  name: string | null;
  unreadable: string;
}

export type SavedRunListing = SavedRunInfo | UnreadableRunInfo;

export function isUnreadable(run: SavedRunListing): run is UnreadableRunInfo {
  return 'unreadable' in run;
}

/** Thrown for a record that cannot be used; its message says why. */
export class UnreadableRecordError extends Error {
  override name = 'UnreadableRecordError';
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;
const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

function fail(message: string): never {
  throw new UnreadableRecordError(message);
}

/** The settings, each checked as if typed into the form. */
function readSettings(saved: unknown): Settings {
  if (!isObject(saved)) fail('it has no settings');
  // A run saved before the optimizer was a setting trained with RMSprop; one saved before momentum
  // was, with Keras's defaults for it.
  const raw = { optimizer: 'rmsprop', momentum: 0, nesterov: false, ...saved };
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

/** The list's part of a record, checked; an unreadable one says why. */
export function readInfo(raw: unknown): SavedRunListing {
  const id = isObject(raw) ? String(raw.id) : '?';
  const name = isObject(raw) && typeof raw.name === 'string' ? raw.name : null;
  try {
    if (!isObject(raw)) fail('it is not a record');
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
    return { ...(raw as unknown as SavedRunInfo), id, name, settings };
  } catch (error) {
    if (!(error instanceof UnreadableRecordError)) throw error;
    return { id, name, unreadable: `This saved run cannot be read: ${error.message}.` };
  }
}

function checkHistory(raw: unknown): RunHistory {
  if (!isObject(raw) || !Array.isArray(raw.curve) || !Array.isArray(raw.epochs))
    fail('its charts are missing');
  if (!isNumber(raw.curveStride) || raw.curveStride < 1) fail('its charts are damaged');
  const points = [...raw.curve, ...raw.epochs] as unknown[];
  if (!points.every((p) => isObject(p) && Object.values(p).every((v) => typeof v === 'number')))
    fail('its charts are damaged');
  return raw as unknown as RunHistory;
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

/** The heavy part of a record, checked against its list part: shapes, sizes, finite numbers. */
export function readData(raw: unknown, info: SavedRunInfo): SavedRunData {
  if (!isObject(raw)) fail('its weights are missing');
  const { shapes, weights } = raw;
  if (!Array.isArray(shapes) || !Array.isArray(weights)) fail('its weights are missing');
  const { optimizerState, iterations } = readOptimizerState(raw, info);
  if (weights.length === 0 || shapes.length !== weights.length || optimizerState.length !== weights.length)
    fail('its weights and their shapes do not match');
  weights.forEach((buffer, i) => {
    const shape = shapes[i];
    if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 1))
      fail(`the shape of array ${i} is not whole numbers of at least 1`);
    const size = shape.reduce((n: number, d: number) => n * d, 1);
    if (!(buffer instanceof ArrayBuffer) || buffer.byteLength !== size * 4)
      fail(`array ${i} does not hold the ${size} numbers its shape [${shape.join(', ')}] says`);
    if (!new Float32Array(buffer).every(Number.isFinite)) fail(`array ${i} holds NaN or infinite weights`);
    for (const state of optimizerState[i] ?? []) {
      if (!(state instanceof ArrayBuffer && state.byteLength === buffer.byteLength))
        fail(`the optimizer state of array ${i} does not match its weights`);
      if (!new Float32Array(state).every(Number.isFinite))
        fail(`the optimizer state of array ${i} is not finite`);
    }
  });
  const history = checkHistory(raw.history);
  return { id: info.id, shapes, weights, optimizerState, iterations, history } as SavedRunData;
}
