// The ink statistics that compare drawings with MNIST (tests/cases/inkStatistics.ts), on shapes
// whose answers are known.
import { describe, expect, test } from 'vitest';
import { inkStatistics, skeletonLength, spread, statisticsByClass } from '../cases/inkStatistics';

const SIDE = 28;

function image(paint: (x: number, y: number) => number): Float32Array {
  return Float32Array.from({ length: SIDE * SIDE }, (_, i) => paint(i % SIDE, Math.floor(i / SIDE)));
}

/** A horizontal bar `thickness` rows high from column 4 to 23, its rows starting at 10. */
const bar = (thickness: number) =>
  image((x, y) => (x >= 4 && x < 24 && y >= 10 && y < 10 + thickness ? 1 : 0));

/** A ring of outer radius 9 and the given width, centred on the field's middle. */
const ring = (width: number) =>
  image((x, y) => {
    const r = Math.hypot(x + 0.5 - 14, y + 0.5 - 14);
    return r <= 9 && r > 9 - width ? 1 : 0;
  });

describe('ink statistics', () => {
  test('ink, inked pixels and their mean intensity count what is painted', () => {
    const grey = image((x, y) => (x < 10 && y < 5 ? 0.5 : x === 20 && y === 20 ? 1 : 0));
    const stats = inkStatistics(grey);
    expect(stats.ink).toBeCloseTo(26, 5);
    expect(stats.inkedPixels).toBe(51);
    expect(stats.inkedMean).toBeCloseTo(26 / 51, 5);
    expect([stats.boxWidth, stats.boxHeight]).toEqual([21, 21]);
  });

  test('a value that would round to a zero byte is no ink', () => {
    expect(inkStatistics(image((x) => (x === 3 ? 0.4 / 255 : 0))).inkedPixels).toBe(0);
  });

  test("the centre of mass of a shape symmetric about the field's middle is (14, 14)", () => {
    const stats = inkStatistics(ring(3));
    expect(stats.centreX).toBeCloseTo(14, 5);
    expect(stats.centreY).toBeCloseTo(14, 5);
    // One column to the right moves it half a pixel... of a two-column shape.
    const pair = inkStatistics(image((x, y) => (y === 5 && (x === 14 || x === 15) ? 1 : 0)));
    expect([pair.centreX, pair.centreY]).toEqual([15, 5.5]);
  });

  test('a thin line thins to itself; a thick bar to a line about as long', () => {
    expect(skeletonLength(bar(1))).toBeCloseTo(19, 5);
    const length = skeletonLength(bar(5));
    expect(length).toBeGreaterThan(13);
    expect(length).toBeLessThanOrEqual(19);
  });

  test('stroke width grows with the stroke and not with its length', () => {
    // A pixel circle's staircase is longer than the circle: the wider the ring, the more it shows.
    const widths = [1, 2, 3, 4].map((w) => inkStatistics(ring(w)).strokeWidth);
    for (const [i, width] of widths.entries()) {
      expect(width).toBeGreaterThan(0.8 * (i + 1));
      expect(width).toBeLessThan(1.1 * (i + 1));
      if (i > 0) expect(width).toBeGreaterThan(widths[i - 1] + 0.5);
    }
    const short = image((x, y) => (x >= 10 && x < 18 && y >= 10 && y < 12 ? 1 : 0));
    const long = image((x, y) => (x >= 2 && x < 26 && y >= 10 && y < 12 ? 1 : 0));
    expect(inkStatistics(long).strokeWidth).toBeCloseTo(2, 0);
    expect(inkStatistics(short).strokeWidth).toBeGreaterThan(inkStatistics(long).strokeWidth);
  });

  test('a diagonal line is √2 per step long', () => {
    const diagonal = image((x, y) => (x === y && x >= 4 && x < 24 ? 1 : 0));
    expect(skeletonLength(diagonal)).toBeCloseTo(19 * Math.SQRT2, 5);
  });

  test('an empty image measures zero ink and no stroke', () => {
    const stats = inkStatistics(new Float32Array(SIDE * SIDE));
    expect([stats.ink, stats.inkedPixels, stats.strokeWidth, stats.boxWidth]).toEqual([0, 0, 0, 0]);
  });

  test('spread gives percentiles by linear interpolation, and the mean', () => {
    const values = Array.from({ length: 11 }, (_, i) => 10 - i);
    expect(spread(values)).toEqual({ p10: 1, median: 5, p90: 9, mean: 5 });
    expect(() => spread([])).toThrow(RangeError);
  });

  test('statistics by class gather each label apart', () => {
    const byClass = statisticsByClass(
      [
        { label: 0, image: ring(2) },
        { label: 1, image: bar(2) },
        { label: 1, image: bar(4) },
      ],
      2,
    );
    expect(byClass[0].inkedPixels.median).toBe(inkStatistics(ring(2)).inkedPixels);
    expect(byClass[1].boxHeight.median).toBe(3);
  });
});
