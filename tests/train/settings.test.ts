import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  DEFAULT_SETTINGS,
  QUERY_NAMES,
  type Settings,
  settingsFromQuery,
  settingsToQuery,
  settingsToText,
  validateSetting,
  validateSettings,
} from '../../src/train/settings';

const NAMES = Object.keys(QUERY_NAMES) as (keyof Settings)[];
const defaults = settingsToText(DEFAULT_SETTINGS);

/** Text people or links might supply: numbers in many spellings, and plain garbage. */
const hostileText = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom('', ' ', 'NaN', 'Infinity', '-0', '0x10', '1e400', '1e-400', '5 ', '١٢', '<b>5</b>', '%'),
  fc.double({ noNaN: false }).map(String),
  fc.integer({ min: -1e7, max: 1e7 }).map(String),
);

describe('settings from a link', () => {
  test('are validated exactly like typed ones: the same value is kept, or the same message given', () => {
    fc.assert(
      fc.property(fc.constantFrom(...NAMES), hostileText, (name, raw) => {
        const { text, notes } = settingsFromQuery(`?${new URLSearchParams({ [QUERY_NAMES[name]]: raw })}`);
        const typed = validateSetting(name, raw);
        if (typed.error) {
          expect(text[name]).toBe(defaults[name]);
          expect(notes).toHaveLength(1);
          expect(notes[0]).toContain(typed.error);
        } else {
          expect(text[name]).toBe(raw.trim());
          expect(notes).toEqual([]);
        }
      }),
      { numRuns: 2000 },
    );
  });

  test('any query at all gives valid settings, never an exception', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (query) => {
        const { text } = settingsFromQuery(query);
        expect(validateSettings(text).settings).toBeDefined();
      }),
      { numRuns: 2000 },
    );
  });

  test('a malformed query (bad percent-encoding, duplicates, unknown keys) falls back with notes', () => {
    const { text, notes } = settingsFromQuery(
      '?epochs=%E0%A4%A&epochs=3&lr=%&hidden=1e400&__proto__=1&x=<y>',
    );
    expect(text).toEqual({ ...defaults });
    expect(notes).toHaveLength(3);
    expect(notes[2]).toBe(
      'Ignored hidden="1e400" from the link: Hidden units must be between 1 and 1000000.',
    );
  });

  test('settings written to the address bar read back as they were', () => {
    const settings: Settings = { ...DEFAULT_SETTINGS, learningRate: 1e20, hidden: 100_000 };
    expect(validateSettings(settingsFromQuery(settingsToQuery(settings)).text).settings).toEqual(settings);
  });

  test('the learning rate may be any positive float32-sized number, so divergence can be tried', () => {
    expect(validateSetting('learningRate', '1e20')).toEqual({ value: 1e20 });
    expect(validateSetting('learningRate', '1e39').error).toBe(
      'Learning rate must be between 0.000001 and 1e38.',
    );
  });
});
