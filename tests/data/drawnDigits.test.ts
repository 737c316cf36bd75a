import { describe, expect, test } from 'vitest';
import { SIZE, STROKE } from '../../src/ui/drawing';
import { drawnDigits, mouseSteps, paintStrokes, strokesToInput } from '../cases/drawnStrokes';

/** Total alpha, as a count of fully inked pixels. */
const ink = (rgba: Uint8ClampedArray) => rgba.reduce((sum, v, i) => (i % 4 === 3 ? sum + v / 255 : sum), 0);

describe('the drawn-digit fixture', () => {
  test('has at least five drawings of every digit, each inside the pad', () => {
    for (let label = 0; label < 10; label++)
      expect(drawnDigits.filter((d) => d.label === label).length, `digit ${label}`).toBeGreaterThanOrEqual(5);
    for (const d of drawnDigits) {
      expect(d.strokes.length).toBeGreaterThan(0);
      for (const [x, y] of d.strokes.flat()) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(SIZE);
        expect(y).toBeGreaterThanOrEqual(0);
        expect(y).toBeLessThanOrEqual(SIZE);
      }
    }
  });

  test('every drawing becomes an MNIST-like input: ink centred by mass in the 28x28 field', () => {
    for (const d of drawnDigits) {
      const input = strokesToInput(d.strokes);
      let [mass, mx, my] = [0, 0, 0];
      input.forEach((v, i) => {
        mass += v;
        mx += v * ((i % 28) + 0.5);
        my += v * (Math.floor(i / 28) + 0.5);
      });
      expect(mass, `a ${d.label}`).toBeGreaterThan(40);
      // Moved by whole pixels, the centre lands in pixel (14, 14), as MNIST's do.
      expect(Math.abs(mx / mass - 14.5), `a ${d.label}`).toBeLessThanOrEqual(0.5);
      expect(Math.abs(my / mass - 14.5), `a ${d.label}`).toBeLessThanOrEqual(0.5);
    }
  });
});

describe('painting strokes as the pad does', () => {
  test('a click is a round dot the pen wide', () => {
    const rgba = paintStrokes([[[140, 140]]]);
    expect(ink(rgba) / (Math.PI * (STROKE / 2) ** 2)).toBeCloseTo(1, 1);
    expect(rgba[(140 * SIZE + 140) * 4 + 3]).toBe(255);
    expect(rgba[(140 * SIZE + 140 + STROKE) * 4 + 3]).toBe(0);
  });

  test('a line is the pen wide with round ends, and its edges are anti-aliased', () => {
    const rgba = paintStrokes([
      [
        [60, 100.25],
        [200, 100.25],
      ],
    ]);
    const area = 140 * STROKE + Math.PI * (STROKE / 2) ** 2;
    expect(ink(rgba) / area).toBeCloseTo(1, 1);
    // The top edge at y = 86.25 cuts pixel row 86 a quarter of the way down: 3/4 covered.
    expect(rgba[(86 * SIZE + 130) * 4 + 3]).toBe(Math.round(0.75 * 255));
    expect(rgba[(85 * SIZE + 130) * 4 + 3]).toBe(0);
  });

  test('each pointer move paints over the last, as a canvas composites: overlapping edges darken', () => {
    const edge = (steps: number) =>
      paintStrokes([
        mouseSteps(
          [
            [60, 100.25],
            [200, 100.25],
          ],
          steps,
        ),
      ])[(86 * SIZE + 130) * 4 + 3];
    expect(edge(6)).toBeGreaterThan(edge(1));
    expect(edge(6)).toBeLessThan(255);
  });

  test('mouse steps keep the points drawn and add evenly spaced ones between', () => {
    const stroke = mouseSteps(
      [
        [0, 0],
        [12, 6],
        [12, 18],
      ],
      6,
    );
    expect(stroke).toHaveLength(13);
    expect(stroke[6]).toEqual([12, 6]);
    expect(stroke[12]).toEqual([12, 18]);
    expect(stroke[1]).toEqual([2, 1]);
  });
});
