import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  DEFAULT_SETTINGS,
  QUERY_NAMES,
  type Settings,
  settingsToText,
  validateSetting,
  validateSettings,
  withOptimizer,
} from '../../src/protocol/settings';
import { settingsFromQuery, settingsToQuery } from '../../src/protocol/settingsQuery';

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

describe('the model and its layers in a link', () => {
  test('a ConvNet link keeps its layers, and gets batch 64 unless it names one', () => {
    const { text, notes } = settingsFromQuery('?model=convnet&layers=c16,p,f,d32');
    expect(notes).toEqual([]);
    expect(validateSettings(text).settings).toMatchObject({
      model: 'convnet',
      layers: 'c16,p,f,d32',
      batchSize: 64,
    });
    expect(settingsFromQuery('?model=convnet&batch=32').text.batchSize).toBe('32');
    expect(settingsFromQuery('?model=dense').text.batchSize).toBe('128');
  });

  test('an impossible stack or an unknown model falls back with the reason', () => {
    const { text, notes } = settingsFromQuery('?model=resnet&layers=f,c32');
    expect(text.model).toBe('dense');
    expect(text.layers).toBe(DEFAULT_SETTINGS.layers);
    expect(notes).toEqual([
      'Ignored model="resnet" from the link: Model must be one of dense, convnet.',
      'Ignored layers="f,c32" from the link: Layers: Conv2D after Flatten or Dense is not possible: the data is no longer an image.',
    ]);
  });

  test('the address bar carries the layers of a ConvNet run only, with readable commas', () => {
    const convnet = { ...DEFAULT_SETTINGS, model: 'convnet' as const, batchSize: 64 };
    expect(settingsToQuery(convnet)).toBe(
      '?epochs=5&batch=64&lr=0.001&hidden=512&seed=1&train=60000&model=convnet&layers=c32,p,c64,p,c64,f,d64',
    );
    expect(settingsToQuery(DEFAULT_SETTINGS)).toBe(
      '?epochs=5&batch=128&lr=0.001&hidden=512&seed=1&train=60000',
    );
    expect(validateSettings(settingsFromQuery(settingsToQuery(convnet)).text).settings).toEqual(convnet);
  });
});

describe('augmentation in a link', () => {
  test('augment=1 turns it on, and the link written back says so', () => {
    const { text, notes } = settingsFromQuery('?augment=1');
    const settings = validateSettings(text).settings as Settings;
    expect(notes).toEqual([]);
    expect(settings.augment).toBe(true);
    expect(settingsToQuery(settings)).toContain('augment=1');
    expect(validateSettings(settingsFromQuery(settingsToQuery(settings)).text).settings).toEqual(settings);
  });

  test('off is the default, and a run without it keeps the link it always had', () => {
    expect(DEFAULT_SETTINGS.augment).toBe(false);
    expect(settingsToQuery(DEFAULT_SETTINGS)).not.toContain('augment');
    expect(validateSettings(settingsFromQuery('?augment=0').text).settings?.augment).toBe(false);
  });

  test('the form sends true and false; anything else is refused with a note', () => {
    expect(validateSetting('augment', 'true')).toEqual({ value: true });
    expect(validateSetting('augment', 'false')).toEqual({ value: false });
    const { text, notes } = settingsFromQuery('?augment=yes');
    expect(text.augment).toBe('false');
    expect(notes[0]).toBe('Ignored augment="yes" from the link: Augment images must be 1 (on) or 0 (off).');
  });
});

describe('the optimizer in a link and in the form', () => {
  test("optimizer=adam or sgd is kept, with Keras's default rate for it unless the link names one", () => {
    const adam = settingsFromQuery('?optimizer=adam');
    expect(adam.notes).toEqual([]);
    expect(validateSettings(adam.text).settings).toMatchObject({ optimizer: 'adam', learningRate: 0.001 });
    expect(validateSettings(settingsFromQuery('?optimizer=sgd').text).settings).toMatchObject({
      optimizer: 'sgd',
      learningRate: 0.01,
    });
    expect(settingsFromQuery('?optimizer=sgd&lr=0.5').text.learningRate).toBe('0.5');
  });

  test('an RMSprop run keeps the link it always had; another optimizer is written and read back', () => {
    expect(DEFAULT_SETTINGS.optimizer).toBe('rmsprop');
    expect(settingsToQuery(DEFAULT_SETTINGS)).not.toContain('optimizer');
    const sgd: Settings = { ...DEFAULT_SETTINGS, optimizer: 'sgd', learningRate: 0.01 };
    expect(settingsToQuery(sgd)).toBe(
      '?epochs=5&batch=128&lr=0.01&hidden=512&seed=1&train=60000&optimizer=sgd',
    );
    expect(validateSettings(settingsFromQuery(settingsToQuery(sgd)).text).settings).toEqual(sgd);
  });

  test('an unknown optimizer falls back to RMSprop with the reason', () => {
    const { text, notes } = settingsFromQuery('?optimizer=adagrad');
    expect(text.optimizer).toBe('rmsprop');
    expect(text.learningRate).toBe('0.001');
    expect(notes).toEqual([
      'Ignored optimizer="adagrad" from the link: Optimizer must be one of sgd, rmsprop, adam.',
    ]);
  });

  test("switching optimizer moves the rate to the new one's default only while it is the old one's", () => {
    const text = settingsToText(DEFAULT_SETTINGS);
    const sgd = withOptimizer(text, 'sgd');
    expect([sgd.optimizer, sgd.learningRate]).toEqual(['sgd', '0.01']);
    expect(withOptimizer(sgd, 'adam').learningRate).toBe('0.001');
    // A rate the user typed stays.
    expect(withOptimizer({ ...text, learningRate: '0.003' }, 'sgd').learningRate).toBe('0.003');
    expect(withOptimizer({ ...text, learningRate: 'abc' }, 'sgd').learningRate).toBe('abc');
  });
});

describe("SGD's momentum and Nesterov in a link and in the form", () => {
  const sgd: Settings = { ...DEFAULT_SETTINGS, optimizer: 'sgd', learningRate: 0.01 };

  test("Keras's defaults: no momentum, no Nesterov, and a link without them as it always was", () => {
    expect([DEFAULT_SETTINGS.momentum, DEFAULT_SETTINGS.nesterov]).toEqual([0, false]);
    expect(settingsToQuery(sgd)).toBe(
      '?epochs=5&batch=128&lr=0.01&hidden=512&seed=1&train=60000&optimizer=sgd',
    );
  });

  test('momentum=0.9&nesterov=1 is written only when set, and reads back as it was', () => {
    const nesterov: Settings = { ...sgd, momentum: 0.9, nesterov: true };
    expect(settingsToQuery(nesterov)).toBe(
      '?epochs=5&batch=128&lr=0.01&hidden=512&seed=1&train=60000&optimizer=sgd&momentum=0.9&nesterov=1',
    );
    expect(settingsToQuery({ ...sgd, momentum: 0.5 })).toMatch(/&optimizer=sgd&momentum=0\.5$/);
    for (const settings of [nesterov, { ...sgd, momentum: 0.5 }, { ...sgd, momentum: 0.999 }]) {
      const { text, notes } = settingsFromQuery(settingsToQuery(settings));
      expect(notes).toEqual([]);
      expect(validateSettings(text).settings).toEqual(settings);
    }
  });

  test('a momentum outside [0, 1) or a Nesterov that is not 1 or 0 is refused with a clear message', () => {
    expect(validateSetting('momentum', '0.9')).toEqual({ value: 0.9 });
    expect(validateSetting('momentum', '0')).toEqual({ value: 0 });
    expect(validateSetting('momentum', '1').error).toBe('Momentum must be at least 0 and below 1.');
    expect(validateSetting('momentum', '-0.1').error).toBe('Momentum must be at least 0 and below 1.');
    expect(validateSetting('momentum', 'lots').error).toBe('Momentum must be a number.');
    expect(validateSetting('momentum', '').error).toBe('Momentum is required.');
    expect(validateSetting('nesterov', 'true')).toEqual({ value: true });
    const { text, notes } = settingsFromQuery('?optimizer=sgd&momentum=1.5&nesterov=yes');
    expect([text.momentum, text.nesterov]).toEqual(['0', 'false']);
    expect(notes).toEqual([
      'Ignored momentum="1.5" from the link: Momentum must be at least 0 and below 1.',
      'Ignored nesterov="yes" from the link: Nesterov must be 1 (on) or 0 (off).',
    ]);
  });

  test('a bad momentum in the form stops an SGD run, with the message beside the field', () => {
    const text = { ...settingsToText(sgd), momentum: '1' };
    expect(validateSettings(text)).toEqual({
      errors: { momentum: 'Momentum must be at least 0 and below 1.' },
    });
  });

  test('another optimizer has no momentum: its settings read as the defaults, whatever the form holds', () => {
    const text = {
      ...settingsToText(DEFAULT_SETTINGS),
      optimizer: 'adam',
      momentum: '0.9',
      nesterov: 'true',
    };
    expect(validateSettings(text).settings).toMatchObject({
      optimizer: 'adam',
      momentum: 0,
      nesterov: false,
    });
    // Even a hidden field that would be refused does not stop the run.
    expect(validateSettings({ ...text, momentum: 'abc' }).settings?.momentum).toBe(0);
    expect(settingsToQuery(validateSettings(text).settings as Settings)).not.toContain('momentum');
    // Switching back to SGD finds the momentum as typed.
    expect(validateSettings(withOptimizer(text, 'sgd')).settings).toMatchObject({
      momentum: 0.9,
      nesterov: true,
    });
  });

  test('Nesterov without momentum is plain SGD, and the link says nothing of it', () => {
    const text = { ...settingsToText(sgd), momentum: '0', nesterov: 'true' };
    const settings = validateSettings(text).settings as Settings;
    expect(settings.nesterov).toBe(false);
    expect(settingsToQuery(settings)).not.toContain('nesterov');
  });
});
