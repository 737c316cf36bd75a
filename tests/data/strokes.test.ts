// strokesToMnist: a drawing kept as strokes, painted at a pen relative to its size, then preprocessed
// as any drawing is.
import { describe, expect, test } from 'vitest';
import { inkToMnist } from '../../src/data/preprocess';
import { MNIST_STROKE_WIDTH, type Stroke, strokesToMnist } from '../../src/data/strokes';
import { SIZE, STROKE } from '../../src/ui/drawing';
import { drawnDigits, mouseSteps, paintStrokes, placed } from '../cases/drawnStrokes';
import { inkStatistics } from '../cases/inkStatistics';

const PAD = { width: SIZE, height: SIZE };

function input(strokes: Stroke[], pad = PAD): Float32Array {
  const out = strokesToMnist(strokes, pad);
  expect(out).not.toBeNull();
  return out as Float32Array;
}

const maxDifference = (a: Float32Array, b: Float32Array) =>
  a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);
/**
 * The mean difference with b moved by up to a pixel each way, the best of the nine: centring moves
 * by whole pixels, so a centre of mass near a half pixel may put two near-equal digits a pixel apart.
 */
function alignedDifference(a: Float32Array, b: Float32Array): number {
  let best = Number.POSITIVE_INFINITY;
  for (const dy of [-1, 0, 1]) {
    for (const dx of [-1, 0, 1]) {
      let sum = 0;
      for (let i = 0; i < a.length; i++) {
        const [x, y] = [(i % 28) - dx, Math.floor(i / 28) - dy];
        sum += Math.abs(a[i] - (x >= 0 && x < 28 && y >= 0 && y < 28 ? b[y * 28 + x] : 0));
      }
      best = Math.min(best, sum / a.length);
    }
  }
  return best;
}

const meanDifference = (a: Float32Array, b: Float32Array) =>
  a.reduce((s, v, i) => s + Math.abs(v - b[i]), 0) / a.length;

describe('strokesToMnist', () => {
  test('nothing drawn, or drawn only off the pad, gives null', () => {
    expect(strokesToMnist([], PAD)).toBeNull();
    expect(strokesToMnist([[]], PAD)).toBeNull();
    expect(
      strokesToMnist(
        [
          [
            [-50, 10],
            [-5, 200],
          ],
        ],
        PAD,
      ),
    ).toBeNull();
  });

  test("a straight line is a 1 that fills the box's height, its stroke MNIST's width", () => {
    const field = input([
      [
        [140, 40],
        [140, 240],
      ],
    ]);
    const stats = inkStatistics(field);
    expect(stats.boxHeight).toBe(20);
    expect(stats.boxWidth).toBeLessThanOrEqual(4);
    expect(stats.ink / 20).toBeCloseTo(MNIST_STROKE_WIDTH, 0);
    // Moved by whole pixels, the centre of mass lands in pixel (14, 14), as MNIST's do.
    for (const centre of [stats.centreX, stats.centreY]) {
      expect(centre).toBeGreaterThanOrEqual(14);
      expect(centre).toBeLessThanOrEqual(15);
    }
  });

  test('a drawing gives the same input whatever size it is drawn at (the pad does not)', () => {
    const three = (drawnDigits.find((d) => d.label === 3) as (typeof drawnDigits)[number]).strokes;
    const sizes = [60, 112, 250].map((height) => placed(three, height, [140, 140]));
    const [small, middle, large] = sizes.map((strokes) => input(strokes.map((s) => mouseSteps(s, 6))));
    expect(meanDifference(small, large)).toBeLessThan(0.01);
    expect(meanDifference(middle, large)).toBeLessThan(0.01);
    // Painted with the pad's pen, the small drawing's strokes are much wider than the large one's.
    const painted = sizes.map(
      (strokes) => inkToMnist(alpha(paintStrokes(strokes)), SIZE, SIZE) as Float32Array,
    );
    expect(inkStatistics(painted[0]).strokeWidth).toBeGreaterThan(
      1.8 * inkStatistics(painted[2]).strokeWidth,
    );
  });

  test('how often the pointer reported does not matter: overlapping segments do not darken', () => {
    for (const digit of drawnDigits.slice(0, 12)) {
      const sparse = input(digit.strokes);
      const dense = input(digit.strokes.map((s) => mouseSteps(s, 6)));
      expect(maxDifference(sparse, dense), `a ${digit.label}`).toBeLessThan(0.02);
    }
  });

  test("matches the pad's painting where the pad's pen is already MNIST's width for the drawing's size", () => {
    // The pen is MNIST_STROKE_WIDTH / 20 of the ink's box: a drawing this tall gets the pad's own pen.
    const height = (STROKE * (20 - MNIST_STROKE_WIDTH)) / MNIST_STROKE_WIDTH;
    const differences = drawnDigits.flatMap((digit) => {
      const strokes = placed(digit.strokes, height, [140, 140]);
      const xs = strokes.flat().map(([x]) => x);
      if (Math.max(...xs) - Math.min(...xs) > height) return []; // wider than tall: another scale
      const fromPad = inkToMnist(alpha(paintStrokes(strokes)), SIZE, SIZE) as Float32Array;
      return [alignedDifference(input(strokes), fromPad)];
    });
    expect(differences.length).toBeGreaterThan(50);
    // NOTE: the pad composites each segment over the last, so where a stroke's points are dense its
    // edges darken a little: a few drawings differ more than the rest.
    expect(differences.sort((a, b) => a - b)[Math.floor(differences.length / 2)]).toBeLessThan(0.005);
    expect(Math.max(...differences)).toBeLessThan(0.05);
  });

  test('a stroke dragged past the edge is cut there, as the canvas cuts it', () => {
    const past = input([
      [
        [100, 100],
        [400, 100],
      ],
    ]);
    const toEdge = input([
      [
        [100, 100],
        [280, 100],
      ],
    ]);
    expect(maxDifference(past, toEdge)).toBeLessThan(1e-6);
  });

  test('a single click is a round dot', () => {
    const stats = inkStatistics(input([[[70, 70]]]));
    expect([stats.boxWidth, stats.boxHeight]).toEqual([20, 20]);
    expect(stats.ink).toBeCloseTo(Math.PI * 100, -1);
  });

  test('points that are not two finite numbers, or a pad of no size, are refused', () => {
    expect(() => strokesToMnist([[[1, Number.NaN]]], PAD)).toThrow(
      'stroke 0 has a point that is not two finite numbers',
    );
    expect(() => strokesToMnist([[[1, 2]], [[1, 2, 3] as unknown as [number, number]]], PAD)).toThrow(
      /stroke 1/,
    );
    expect(() => strokesToMnist([[[1, 2]]], { width: 0, height: 280 })).toThrow(RangeError);
  });
});

/** A pad's RGBA as the ink plane the preprocessing reads (alpha / 255). */
function alpha(rgba: Uint8ClampedArray): Float32Array {
  return Float32Array.from({ length: rgba.length / 4 }, (_, i) => rgba[i * 4 + 3] / 255);
}
