import { describe, expect, test } from 'vitest';
import { axisWidth, lossAxis } from '../../src/ui/chartData';
import { contrast, readableOn } from '../../src/ui/colorMap';
import { activationLayout, heat, pictureLayers } from '../../src/ui/network';

describe('loss axis', () => {
  test('linear from 0 while the values span two decades or less', () => {
    expect(
      lossAxis([
        { step: 1, raw: 2.3 },
        { step: 2, raw: 0.05, test: 0.04 },
      ]),
    ).toEqual({
      scale: 'linear',
      ticks: [0, 0.5, 1, 1.5, 2, 2.5],
    });
  });
  test('log, in powers of ten covering every value, past two decades (a first loss of 80,000)', () => {
    const axis = lossAxis([
      { step: 1, raw: 80_000 },
      { step: 2, raw: 0.3 },
      { step: 3, test: 0.25 },
    ]);
    expect(axis).toEqual({ scale: 'log', ticks: [0.1, 1, 10, 100, 1000, 10_000, 100_000] });
  });
  test('an empty chart gets a linear axis to 1', () => {
    expect(lossAxis([])).toEqual({ scale: 'linear', ticks: [0, 0.2, 0.4, 0.6, 0.8, 1] });
  });
  test('the axis is wide enough for its longest label', () => {
    expect(axisWidth(['80,000'])).toBeGreaterThan(axisWidth(['0.50']));
    expect(axisWidth(['100%'])).toBeGreaterThanOrEqual(50);
  });
});

describe('readable text on computed shading', () => {
  test('black or white, whichever gives at least 4.5:1, for every grey and the matrix hues', () => {
    const backgrounds = [
      ...Array.from({ length: 256 }, (_, g) => [g, g, g]),
      ...Array.from({ length: 11 }, (_, i) => [
        255 - (255 - 196) * (i / 10),
        255 - 215 * (i / 10),
        255 - 227 * (i / 10),
      ]),
    ];
    for (const bg of backgrounds) {
      const text = readableOn(bg) === '#000' ? [0, 0, 0] : [255, 255, 255];
      expect(contrast(bg, text)).toBeGreaterThanOrEqual(4.5);
    }
  });
  test('contrast is 21 for black on white, 1 for a colour on itself', () => {
    expect(contrast([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 5);
    expect(contrast([120, 30, 200], [120, 30, 200])).toBe(1);
  });
});

describe('network picture', () => {
  test('the dense model: Dense(hidden) then Dense(10), with Keras parameter counts', () => {
    expect(pictureLayers({ model: 'dense', hidden: 512, layers: '' })).toEqual([
      { name: 'Dense(512, relu)', shape: [512], parameters: 784 * 512 + 512 },
      { name: 'Dense(10, softmax)', shape: [10], parameters: 5130 },
    ]);
  });
  test('an impossible ConvNet stack has no picture', () => {
    expect(pictureLayers({ model: 'convnet', hidden: 0, layers: 'd64,c32' })).toBeNull();
  });
  test('every activation gets its own cell: flat rows, or one tile per channel (channels last)', () => {
    for (const shape of [[512], [64], [10], [1], [26, 26, 32], [3, 3, 5]]) {
      const { width, height, at } = activationLayout(shape);
      const size = shape.reduce((a, b) => a * b, 1);
      const seen = new Set<string>();
      for (let i = 0; i < size; i++) {
        const [x, y] = at(i);
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThan(width);
        expect(y).toBeLessThan(height);
        seen.add(`${x},${y}`);
      }
      expect(seen.size).toBe(size);
    }
    // Flat layers about twice as wide as tall, at most 32 wide.
    for (const [units, width, height] of [
      [512, 32, 16],
      [64, 12, 6],
      [576, 32, 18],
      [16, 6, 3],
    ]) {
      const layout = activationLayout([units]);
      expect([layout.width, layout.height]).toEqual([width, height]);
    }
    // Channel 1 of pixel (0, 0) sits in the second tile, not next to channel 0.
    expect(activationLayout([26, 26, 32]).at(1)).toEqual([27, 0]);
  });
  test('the heat map runs from black to white, clamped', () => {
    expect(heat(0)).toEqual([0, 0, 0]);
    expect(heat(1)).toEqual([255, 255, 255]);
    expect(heat(2)).toEqual([255, 255, 255]);
    expect(heat(Number.NaN)).toEqual([0, 0, 0]);
  });
});
