// One digit the user drew and labelled ("Your digits"): the 28x28 input the network read, the strokes
// and pad size it was drawn with (so it can be drawn again, at another size or by a later
// preprocessing), its label, and whether it is kept for testing only. Stored records are read back
// without trusting them: a record written by a newer version of the app, or damaged, is refused with
// a message saying why, so the list shows it as unreadable instead of crashing.
import { CLASSES, PIXELS } from './mnist';
import type { PadSize, StrokePoint } from './strokes';

/** The records' format; a change that this code could not read raises it. 1: the first. */
export const USER_DIGIT_SCHEMA = 1;
/** Bounds that no real drawing reaches, so a damaged record cannot make the page paint forever. */
export const MAX_STROKES = 500;
export const MAX_POINTS = 50_000;
const MAX_PAD_SIDE = 10_000;
const MAX_COORDINATE = 1e6;
const MAX_ID_LENGTH = 100;

export interface UserDigitDrawing {
  /** Pointer positions in pad pixels, one list per press-drag-release. */
  strokes: StrokePoint[][];
  pad: PadSize;
}

export interface UserDigit {
  schema: number;
  id: string;
  /** The digit it is, 0..9. */
  label: number;
  /** The 784 bytes the network read (0 background, 255 full ink), row-major. */
  pixels: Uint8Array;
  /** How it was drawn; null for a digit read from IDX files, which keep only the pixels. */
  drawing: UserDigitDrawing | null;
  /** Kept out of training: the network is measured on it. */
  testOnly: boolean;
  /** Milliseconds since 1970 (Date.now()). */
  createdAt: number;
}

/** Thrown for a record that cannot be used; its message says why. */
export class UnreadableDigitError extends Error {
  override name = 'UnreadableDigitError';
}

/** A record that cannot be used, listed with why so that it can be deleted. */
export interface UnreadableDigit {
  id: string | null;
  unreadable: string;
}

/** The network's 784 inputs in [0, 1] as the bytes a record keeps (and MNIST's files hold). */
export function inputToPixels(input: Float32Array): Uint8Array {
  if (input.length !== PIXELS) throw new RangeError(`inputToPixels: ${input.length} values, not ${PIXELS}`);
  return Uint8Array.from(input, (v) => Math.round(Math.min(1, Math.max(0, v)) * 255));
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

function fail(message: string): never {
  throw new UnreadableDigitError(message);
}

/** A stored record, checked field by field; throws UnreadableDigitError naming what is wrong. */
export function readUserDigit(raw: unknown): UserDigit {
  if (!isObject(raw)) fail('it is not a record');
  const { schema, id, label, pixels, testOnly, createdAt } = raw;
  if (!Number.isInteger(schema) || (schema as number) < 1)
    fail(`its format version (${String(schema)}) is invalid`);
  if ((schema as number) > USER_DIGIT_SCHEMA)
    fail(
      `it was saved by a newer version of this app (format ${schema}; this page reads up to ${USER_DIGIT_SCHEMA})`,
    );
  if (typeof id !== 'string' || id === '' || id.length > MAX_ID_LENGTH) fail('it has no id');
  if (!Number.isInteger(label) || (label as number) < 0 || (label as number) >= CLASSES)
    fail(`its label (${String(label)}) is not a digit 0 to ${CLASSES - 1}`);
  if (!(pixels instanceof Uint8Array) || pixels.length !== PIXELS) fail(`its image is not ${PIXELS} bytes`);
  if (typeof testOnly !== 'boolean') fail('it does not say whether it is kept for testing');
  if (typeof createdAt !== 'number' || !Number.isFinite(createdAt) || createdAt < 0)
    fail('its creation time is not a time');
  return {
    schema: schema as number,
    id,
    label: label as number,
    pixels,
    drawing: raw.drawing === null ? null : readDrawing(raw.drawing),
    testOnly,
    createdAt,
  };
}

function readDrawing(raw: unknown): UserDigitDrawing {
  if (!isObject(raw)) fail('its drawing is missing');
  const { strokes, pad } = raw;
  if (!isObject(pad) || !isSide(pad.width) || !isSide(pad.height))
    fail(`its pad size is not two numbers from 1 to ${MAX_PAD_SIDE}`);
  if (!Array.isArray(strokes) || strokes.length === 0 || strokes.length > MAX_STROKES)
    fail(`its drawing does not hold 1 to ${MAX_STROKES} strokes`);
  let points = 0;
  for (const [i, stroke] of strokes.entries()) {
    if (!Array.isArray(stroke) || stroke.length === 0) fail(`stroke ${i} of its drawing has no points`);
    points += stroke.length;
    if (points > MAX_POINTS) fail(`its drawing holds more than ${MAX_POINTS} points`);
    if (!stroke.every(isPoint)) fail(`stroke ${i} of its drawing has a point that is not two finite numbers`);
  }
  return {
    strokes: strokes.map((stroke: [number, number][]) => stroke.map(([x, y]) => [x, y] as const)),
    pad: { width: pad.width as number, height: pad.height as number },
  };
}

const isSide = (x: unknown) => typeof x === 'number' && Number.isFinite(x) && x >= 1 && x <= MAX_PAD_SIDE;
const isCoordinate = (x: unknown) =>
  typeof x === 'number' && Number.isFinite(x) && Math.abs(x) <= MAX_COORDINATE;
const isPoint = (p: unknown) =>
  Array.isArray(p) && p.length === 2 && isCoordinate(p[0]) && isCoordinate(p[1]);

/**
 * Stored records, each checked: the readable ones, in the order they were made, and the others
 * with why, so that one damaged record loses nothing else.
 */
export function readUserDigits(raws: readonly unknown[]): {
  digits: UserDigit[];
  unreadable: UnreadableDigit[];
} {
  const digits: UserDigit[] = [];
  const unreadable: UnreadableDigit[] = [];
  for (const raw of raws) {
    try {
      digits.push(readUserDigit(raw));
    } catch (error) {
      if (!(error instanceof UnreadableDigitError)) throw error;
      const id = isObject(raw) && typeof raw.id === 'string' ? raw.id : null;
      unreadable.push({ id, unreadable: `This drawing cannot be read: ${error.message}.` });
    }
  }
  return { digits: digits.sort(inOrderMade), unreadable };
}

/** The order digits were made in: by creation time, then by id so that equal times stay in one order. */
export function inOrderMade(a: UserDigit, b: UserDigit): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
