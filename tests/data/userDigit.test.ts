// The user's digit records: a good one is read back as stored (after a structured clone, as
// IndexedDB stores it); each damaged field is refused naming it; whatever is changed, reading raises
// nothing but UnreadableDigitError, and one bad record loses none of the others.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { strokesToMnist } from '../../src/data/strokes';
import {
  inputToPixels,
  readUserDigit,
  readUserDigits,
  UnreadableDigitError,
  USER_DIGIT_SCHEMA,
  type UserDigit,
} from '../../src/data/userDigit';
import { SIZE } from '../../src/ui/drawing';
import { drawnDigits } from '../cases/drawnStrokes';

const PAD = { width: SIZE, height: SIZE };

// biome-ignore lint/suspicious/noExplicitAny: edits reach anywhere into a stored record.
type Json = any;

function digitOf(i: number, overrides: Partial<UserDigit> = {}): UserDigit {
  const { label, strokes } = drawnDigits[i];
  return {
    schema: USER_DIGIT_SCHEMA,
    id: `digit-${i}`,
    label,
    pixels: inputToPixels(strokesToMnist(strokes, PAD) as Float32Array),
    drawing: { strokes, pad: PAD },
    testOnly: false,
    createdAt: 1_700_000_000_000 + i,
    ...overrides,
  };
}

function refusal(edit: (record: Json) => void): string {
  const record: Json = structuredClone(digitOf(7));
  edit(record);
  try {
    readUserDigit(record);
  } catch (error) {
    expect(error).toBeInstanceOf(UnreadableDigitError);
    return (error as Error).message;
  }
  throw new Error('the record was read');
}

describe('reading a digit record', () => {
  test('a stored record reads back as it was, strokes and all', () => {
    const digit = digitOf(3, { testOnly: true });
    const read = readUserDigit(structuredClone(digit));
    expect(read).toEqual(digit);
    expect(strokesToMnist(read.drawing?.strokes ?? [], read.drawing?.pad ?? PAD)).toEqual(
      strokesToMnist(drawnDigits[3].strokes, PAD),
    );
    expect(readUserDigit({ ...digit, drawing: null }).drawing).toBeNull();
  });

  test('inputs become bytes as MNIST stores them, rounded and clamped', () => {
    const input = new Float32Array(784);
    input.set([0, 1, 0.5, 1.2, -0.1, 0.1]);
    expect(Array.from(inputToPixels(input).subarray(0, 6))).toEqual([0, 255, 128, 255, 0, 26]);
    expect(() => inputToPixels(new Float32Array(10))).toThrow(RangeError);
  });

  test('each damaged field is refused, naming it', () => {
    expect(refusal((r) => (r.schema = USER_DIGIT_SCHEMA + 1))).toBe(
      `it was saved by a newer version of this app (format ${USER_DIGIT_SCHEMA + 1}; this page reads up to ${USER_DIGIT_SCHEMA})`,
    );
    expect(refusal((r) => delete r.schema)).toBe('its format version (undefined) is invalid');
    expect(refusal((r) => (r.id = ''))).toBe('it has no id');
    expect(refusal((r) => (r.label = 10))).toBe('its label (10) is not a digit 0 to 9');
    expect(refusal((r) => (r.label = '3'))).toMatch(/its label \(3\)/);
    expect(refusal((r) => (r.pixels = new Uint8Array(783)))).toBe('its image is not 784 bytes');
    expect(refusal((r) => (r.pixels = Array.from(r.pixels)))).toBe('its image is not 784 bytes');
    expect(refusal((r) => (r.testOnly = 'yes'))).toBe('it does not say whether it is kept for testing');
    expect(refusal((r) => (r.createdAt = Number.NaN))).toBe('its creation time is not a time');
    expect(refusal((r) => delete r.drawing)).toBe('its drawing is missing');
    expect(refusal((r) => (r.drawing.pad = { width: 0, height: 280 }))).toMatch(/its pad size/);
    expect(refusal((r) => (r.drawing.strokes = []))).toMatch(/does not hold 1 to 500 strokes/);
    expect(refusal((r) => (r.drawing.strokes[0] = []))).toBe('stroke 0 of its drawing has no points');
    expect(refusal((r) => (r.drawing.strokes[0][1] = [1, Number.POSITIVE_INFINITY]))).toBe(
      'stroke 0 of its drawing has a point that is not two finite numbers',
    );
    expect(refusal((r) => (r.drawing.strokes = [Array.from({ length: 50_001 }, () => [1, 1])]))).toBe(
      'its drawing holds more than 50000 points',
    );
  });

  test('a list keeps every readable record, in the order made, and says why the others are not', () => {
    const { digits, unreadable } = readUserDigits([
      digitOf(2, { createdAt: 30 }),
      { ...digitOf(1), label: -1 },
      null,
      digitOf(0, { createdAt: 10 }),
    ]);
    expect(digits.map((d) => d.id)).toEqual(['digit-0', 'digit-2']);
    expect(unreadable).toEqual([
      { id: 'digit-1', unreadable: 'This drawing cannot be read: its label (-1) is not a digit 0 to 9.' },
      { id: null, unreadable: 'This drawing cannot be read: it is not a record.' },
    ]);
  });
});

/** Every path to a value inside a record, with the value there. */
function paths(value: Json, path: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object' || value instanceof Uint8Array) return [path];
  const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [path, ...keys.flatMap((k) => paths(value[k], [...path, k]))];
}

test('property: a record changed anywhere is read whole or refused with UnreadableDigitError', () => {
  const base = digitOf(5);
  const PATHS = paths(base).filter((p) => p.length > 0);
  const hostile = fc.oneof(
    fc.jsonValue(),
    fc.constantFrom(-1, 0, 1.5, 1e308, Number.NaN, '__proto__', 'constructor', new Uint8Array(3), []),
    fc.array(fc.oneof(fc.integer(), fc.constant(null), fc.array(fc.integer(), { maxLength: 3 })), {
      maxLength: 4,
    }),
  );
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.constantFrom(...PATHS), hostile, fc.boolean()), { minLength: 1, maxLength: 3 }),
      (edits) => {
        const record: Json = structuredClone(base);
        for (const [path, value, remove] of edits) {
          let parent = record;
          for (const key of path.slice(0, -1)) parent = parent?.[key];
          if (parent === null || typeof parent !== 'object') continue;
          const key = path.at(-1) as string | number;
          if (remove) delete parent[key];
          else parent[key] = value;
        }
        try {
          const digit = readUserDigit(record);
          // What is read is whole: a digit's label, 784 bytes, finite strokes.
          expect(digit.label >= 0 && digit.label <= 9).toBe(true);
          expect(digit.pixels.length).toBe(784);
          for (const stroke of digit.drawing?.strokes ?? [])
            expect(stroke.flat().every(Number.isFinite)).toBe(true);
        } catch (error) {
          if (!(error instanceof UnreadableDigitError)) throw error;
        }
      },
    ),
    { numRuns: 500, seed: 5 },
  );
});
