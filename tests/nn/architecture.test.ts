import { describe, expect, test } from 'vitest';
import { CpuBackend } from '../../src/backend/cpu/cpuBackend';
import { buildLayers } from '../../src/nn/architecture';
import { rmsprop } from '../../src/nn/rmsprop';
import { Sequential } from '../../src/nn/sequential';
import {
  BOOK_CONVNET,
  type LayerSpec,
  specsFromText,
  specsToText,
  summarize,
} from '../../src/protocol/layers';

describe('architecture: shapes, parameter counts and reasons', () => {
  test("the book's ConvNet matches Keras's model.summary()", () => {
    const { layers, total, problem } = summarize(BOOK_CONVNET);
    expect(problem).toBeNull();
    expect(layers.map((l) => [l.name, l.outputShape, l.parameters])).toEqual([
      ['Conv2D(32, 3x3, relu)', [26, 26, 32], 320],
      ['MaxPooling2D(2x2)', [13, 13, 32], 0],
      ['Conv2D(64, 3x3, relu)', [11, 11, 64], 18496],
      ['MaxPooling2D(2x2)', [5, 5, 64], 0],
      ['Conv2D(64, 3x3, relu)', [3, 3, 64], 36928],
      ['Flatten', [576], 0],
      ['Dense(64, relu)', [64], 36928],
      ['Dense(10, softmax)', [10], 650],
    ]);
    expect(total).toBe(93322);
  });

  test('the built model has the parameters the summary counts', () => {
    const model = new Sequential(buildLayers(BOOK_CONVNET));
    model.compile({ backend: new CpuBackend(), optimizer: rmsprop(), loss: 'categoricalCrossentropy' });
    expect(model.parameterCount).toBe(93322);
    expect(model.parameters.map((p) => p.shape)).toEqual([
      [3, 3, 1, 32],
      [32],
      [3, 3, 32, 64],
      [64],
      [3, 3, 64, 64],
      [64],
      [576, 64],
      [64],
      [64, 10],
      [10],
    ]);
    model.dispose();
  });

  const impossible: [string, LayerSpec[], string][] = [
    ['conv after flatten', [{ kind: 'flatten' }, { kind: 'conv', filters: 8 }], 'Conv2D after Flatten'],
    [
      'an image too small for 3x3',
      [{ kind: 'pool' }, { kind: 'pool' }, { kind: 'pool' }, { kind: 'pool' }, { kind: 'conv', filters: 8 }],
      'The image is 1x1 by here: a 3x3 convolution needs at least 3x3.',
    ],
    ['dense on an image', [{ kind: 'dense', units: 8 }], 'add a Flatten layer'],
    [
      'no flatten before the output',
      [{ kind: 'conv', filters: 8 }],
      'The output layer Dense(10, softmax) needs a flat input',
    ],
    ['zero filters', [{ kind: 'conv', filters: 0 }, { kind: 'flatten' }], 'Conv2D needs 1 to 256 filters.'],
    ['too many units', [{ kind: 'flatten' }, { kind: 'dense', units: 5000 }], 'Dense needs 1 to 4096 units.'],
  ];
  for (const [name, specs, reason] of impossible) {
    test(`refused with a reason: ${name}`, () => {
      const { problem, layers } = summarize(specs);
      expect(problem).toContain(reason);
      expect(layers.filter((l) => l.problem)).toHaveLength(1);
      expect(() => buildLayers(specs)).toThrow(reason);
    });
  }

  test('the dense network is a stack too: Flatten, Dense(512); a stack may start with pooling', () => {
    const dense: LayerSpec[] = [{ kind: 'flatten' }, { kind: 'dense', units: 512 }];
    expect(summarize(dense)).toMatchObject({ total: 407050, problem: null });
    for (const specs of [dense, [{ kind: 'pool' }, { kind: 'flatten' }] as LayerSpec[]]) {
      const model = new Sequential(buildLayers(specs));
      model.compile({ backend: new CpuBackend(), optimizer: rmsprop(), loss: 'categoricalCrossentropy' });
      expect(model.parameterCount).toBe(summarize(specs).total);
    }
  });

  test('the URL form round-trips and names a bad token', () => {
    expect(specsToText(BOOK_CONVNET)).toBe('c32,p,c64,p,c64,f,d64');
    expect(specsFromText('c32,p,c64,p,c64,f,d64').specs).toEqual(BOOK_CONVNET);
    expect(specsFromText('').specs).toEqual([]);
    expect(specsFromText('c32,x,f').error).toBe(
      '"x" is not a layer (c<filters>, p, f, d<units>, dr<rate> or bn, comma-separated; c and d may end in :l1=<number> and :l2=<number>).',
    );
    expect(specsFromText(Array(13).fill('f').join(',')).error).toBe('At most 12 hidden layers.');
  });
});
