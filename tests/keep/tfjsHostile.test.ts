// Hostile or damaged files: the importer refuses each with its own message (ModelFormatError) and
// never throws anything else, whatever is changed in model.json or the weights: a manifest naming one
// large file many times is refused before it is copied, and JSON nested a hundred thousand levels deep
// gets the importer's own message, not a stack overflow.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  type DenseStack,
  fromTfjs,
  MAX_IMPORT_BYTES,
  ModelFormatError,
  toTfjs,
  WEIGHTS_FILE,
} from '../../src/page/tfjsFormat';

// biome-ignore lint/suspicious/noExplicitAny: the edits reach anywhere into parsed JSON.
type Json = any;

const STACK: DenseStack = {
  inputDim: 784,
  layers: [
    { units: 3, activation: 'relu' },
    { units: 10, activation: 'softmax' },
  ],
  weights: [784 * 3, 3, 30, 10].map((n) => Float32Array.from({ length: n }, (_, i) => Math.sin(i) / 10)),
};
const EXPORTED = toTfjs(STACK);

function refusal(edit: (model: Json) => void, weights = EXPORTED.weights): string {
  const model = JSON.parse(EXPORTED.modelJson);
  edit(model);
  try {
    fromTfjs(JSON.stringify(model), new Map([[WEIGHTS_FILE, weights]]));
  } catch (error) {
    expect(error).toBeInstanceOf(ModelFormatError);
    return (error as Error).message;
  }
  throw new Error('the model was accepted');
}
const layer = (model: Json, i: number) => model.modelTopology.config.layers[i].config;
const entry = (model: Json, i: number) => model.weightsManifest[0].weights[i];

describe('hostile fields are refused, naming them', () => {
  test('activations named after what every object inherits', () => {
    expect(refusal((m) => (layer(m, 0).activation = '__proto__'))).toBe(
      'Layer dense uses the activation __proto__; supported are relu, linear and softmax.',
    );
    expect(refusal((m) => (layer(m, 0).activation = 'constructor'))).toMatch(/activation constructor;/);
    expect(refusal((m) => (layer(m, 0).activation = 'toString'))).toMatch(/activation toString;/);
  });
  test('shapes that are not whole numbers of at least 1', () => {
    expect(refusal((m) => (entry(m, 1).shape = [-2]))).toBe(
      'The shape of the weight dense/bias is [-2]; a shape is a list of whole numbers of at least 1.',
    );
    expect(refusal((m) => (entry(m, 1).shape = ['x']))).toMatch(/the weight dense\/bias is \["x"\]/);
    expect(refusal((m) => (entry(m, 1).shape = [1.5, 2]))).toMatch(/is \[1\.5,2\]/);
    expect(refusal((m) => (layer(m, 0).batch_input_shape = [null, -784]))).toMatch(
      /the input of layer dense/,
    );
  });
  test('units that are not a whole number from 1', () => {
    for (const units of [0, -3, 2.5, '3', null, 1e9])
      expect(refusal((m) => (layer(m, 0).units = units))).toMatch(
        /^Layer dense has .* units; a Dense layer has/,
      );
  });
  test('NaN or infinite weights, naming the tensor', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY]) {
      const weights = new Float32Array(EXPORTED.weights.slice(0));
      weights[784 * 3 + 1] = bad; // dense/bias[1]
      expect(refusal(() => {}, weights.buffer)).toBe('The weight dense/bias holds NaN or infinite values.');
    }
  });
  test('weights past the size cap, before anything that large is read', () => {
    expect(refusal((m) => (entry(m, 0).shape = [784, 100_000]))).toBe(
      'The weights are 314 MB; this app imports at most 256 MB.',
    );
  });
  test('one large file named by many groups: the whole manifest is counted before anything is copied', () => {
    const big = new ArrayBuffer(50e6);
    const files = new Map([
      [WEIGHTS_FILE, EXPORTED.weights],
      ['big.bin', big],
    ]);
    const model = JSON.parse(EXPORTED.modelJson);
    for (let i = 0; i < 20; i++) model.weightsManifest.push({ paths: ['./big.bin'], weights: [] });
    expect(() => fromTfjs(JSON.stringify(model), files)).toThrow(
      'The weights are 1000 MB; this app imports at most 256 MB.',
    );
  });
  test('more groups or paths than any model has', () => {
    const groups = (n: number, paths: number) =>
      refusal((m) => {
        m.weightsManifest = Array.from({ length: n }, () => ({
          paths: Array.from({ length: paths }, () => `./${WEIGHTS_FILE}`),
          weights: [],
        }));
      });
    expect(groups(1025, 0)).toBe('The weightsManifest has 1025 groups; this app reads at most 1024.');
    expect(groups(1, 1025)).toBe('The weightsManifest names more than 1024 weights files.');
  });
  test('JSON nested a hundred thousand levels deep, anywhere', () => {
    const deep = `${'['.repeat(100_000)}1${']'.repeat(100_000)}`;
    for (const field of ['"units":3', '"activation":"relu"', '"name":"dense/bias"']) {
      const text = EXPORTED.modelJson.replace(field, `${field.split(':')[0]}:${deep}`);
      expect(() => fromTfjs(text, new Map([[WEIGHTS_FILE, EXPORTED.weights]]))).toThrow(
        new ModelFormatError('model.json is nested more than 100 levels deep; no model description is.'),
      );
    }
  });
  test('a model.json that is valid JSON but no model', () => {
    for (const text of ['null', '3', '[]', '"model"'])
      expect(() => fromTfjs(text, new Map())).toThrow(ModelFormatError);
  });
});

/** Every path to a value inside a JSON tree, with the value there. */
function leaves(value: Json, path: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [path];
  const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [path, ...keys.flatMap((k) => leaves(value[k], [...path, k]))];
}
const PATHS = leaves(JSON.parse(EXPORTED.modelJson)).filter((p) => p.length > 0);

const hostileValue = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', -1, -2, 0, 1.5, 1e12, Number.NaN),
  fc.array(fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constant('x'), fc.constant(null)), { maxLength: 4 }),
);

/** A large weights file, shared by every run of the property below (never copied when refused). */
const BIG = { name: 'big.bin', bytes: new ArrayBuffer(20e6) };
const DEEP = '"__deep__"';

test('property: mutated model.json and weights only ever raise ModelFormatError', () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.constantFrom(...PATHS), hostileValue, fc.boolean()), {
        minLength: 1,
        maxLength: 4,
      }),
      fc.option(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { nil: undefined }),
      fc.option(fc.nat({ max: EXPORTED.weights.byteLength }), { nil: undefined }),
      // Groups naming the large file again and again; a value somewhere nested this deep.
      fc.nat({ max: 30 }),
      fc.option(
        fc.tuple(fc.constantFrom(...PATHS), fc.oneof(fc.integer({ min: 1, max: 120 }), fc.constant(100_000))),
        {
          nil: undefined,
        },
      ),
      (edits, flip, cut, bigGroups, deep) => {
        const model = JSON.parse(EXPORTED.modelJson);
        const put = (path: (string | number)[], value: unknown, remove = false) => {
          let parent = model;
          for (const key of path.slice(0, -1)) parent = parent?.[key];
          if (parent === null || typeof parent !== 'object') return;
          const key = path.at(-1) as string | number;
          if (remove) delete parent[key];
          else parent[key] = value;
        };
        for (const [path, value, remove] of edits) put(path, value, remove);
        if (Array.isArray(model.weightsManifest))
          for (let i = 0; i < bigGroups; i++)
            model.weightsManifest.push({ paths: [`./${BIG.name}`], weights: [] });
        if (deep) put(deep[0], '__deep__');
        // Written as text: JSON.stringify itself would overflow the stack on the deepest.
        let text = JSON.stringify(model);
        const nested = deep && text.includes(DEEP) ? deep[1] : 0;
        if (deep) text = text.replace(DEEP, `${'['.repeat(nested)}1${']'.repeat(nested)}`);
        let bytes = new Uint8Array(EXPORTED.weights.slice(0));
        if (flip) bytes[flip[0] % bytes.length] = flip[1];
        if (cut !== undefined) bytes = bytes.slice(0, cut);
        const files = new Map([
          [WEIGHTS_FILE, bytes.buffer],
          [BIG.name, BIG.bytes],
        ]);
        try {
          const stack = fromTfjs(text, files);
          // What is accepted is whole: finite weights of the sizes its layers say, from a manifest
          // naming no more bytes than the cap, nested no deeper than a model is.
          expect(stack.weights.every((w) => w.every(Number.isFinite))).toBe(true);
          expect(stack.layers.every((l) => Number.isInteger(l.units) && l.units >= 1)).toBe(true);
          expect(bigGroups * BIG.bytes.byteLength).toBeLessThanOrEqual(MAX_IMPORT_BYTES);
          expect(nested).toBeLessThan(100);
        } catch (error) {
          if (!(error instanceof ModelFormatError)) throw error;
        }
      },
    ),
    { numRuns: 500, seed: 14 },
  );
  // NOTE: 500 parses take about 1 s on a quiet machine, over 5 s on a loaded one.
}, 60_000);
