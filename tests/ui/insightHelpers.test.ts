import { describe, expect, test } from 'vitest';
import { diverging } from '../../src/ui/colorMap';
import { addOpinion, type OpinionPoint } from '../../src/ui/opinion';
import { describeSaliency, saliencyImage } from '../../src/ui/saliency';
import { GAP, paintTiles, TILE, tileColumns, unitAt, unitRanges } from '../../src/ui/unitTiles';

describe('diverging colour map', () => {
  test('white at 0, full blue and red at ∓scale, symmetric, clamped, safe on a zero scale', () => {
    expect(diverging(0, 1)).toEqual([255, 255, 255]);
    expect(diverging(-2, 2)).toEqual([33, 102, 172]);
    expect(diverging(2, 2)).toEqual([178, 24, 43]);
    expect(diverging(5, 2)).toEqual(diverging(2, 2));
    // Equal magnitudes are equally far from white (to rounding).
    const [neg, pos] = [diverging(-0.5, 1), diverging(0.5, 1)];
    for (const [i, v] of [33, 102, 172].entries())
      expect(Math.abs(255 - neg[i] - (255 - v) / 2)).toBeLessThanOrEqual(0.5);
    for (const [i, v] of [178, 24, 43].entries())
      expect(Math.abs(255 - pos[i] - (255 - v) / 2)).toBeLessThanOrEqual(0.5);
    expect(diverging(3, 0)).toEqual([255, 255, 255]);
    expect(diverging(Number.NaN, 1)).toEqual([255, 255, 255]);
  });
});

describe('unit tiles', () => {
  // Three units over 784 inputs: unit 0 all +1 except one -2, unit 1 zeros, unit 2 ramps.
  const [inputs, units] = [784, 3];
  const weights = new Float32Array(inputs * units);
  for (let p = 0; p < inputs; p++) {
    weights[p * units] = p === 29 ? -2 : 1;
    weights[p * units + 2] = p / 783 - 0.5;
  }

  test('ranges per unit, columns, and hit testing', () => {
    expect(Array.from(unitRanges(weights, inputs, units))).toEqual([-2, 1, 0, 0, -0.5, 0.5]);
    expect(tileColumns(512)).toBe(32);
    expect(tileColumns(3)).toBe(3);
    expect(unitAt(0, 0, 3)).toBe(0);
    expect(unitAt(TILE + GAP + 5, 3, 3)).toBe(1);
    expect(unitAt(TILE, 3, 3)).toBe(0); // the gap after a tile belongs to it
    expect(unitAt(3 * (TILE + GAP), 0, 3)).toBeNull();
    expect(unitAt(0, TILE + GAP, 3)).toBeNull();
    expect(unitAt(40, TILE + GAP, 40)).toBe(10); // 9 columns: the second tile of the second row
  });

  test('each tile is scaled to its own largest |weight|, at its place in the grid', () => {
    const { width, height, rgba } = paintTiles(weights, inputs, units, unitRanges(weights, inputs, units));
    expect([width, height]).toEqual([3 * TILE + 2 * GAP, TILE]);
    const at = (x: number, y: number) =>
      Array.from(rgba.subarray((y * width + x) * 4, (y * width + x) * 4 + 3));
    expect(at(1, 1)).toEqual(diverging(-2, 2)); // pixel 29 of unit 0: full blue
    expect(at(0, 0)).toEqual(diverging(1, 2));
    expect(at(TILE + GAP, 0)).toEqual([255, 255, 255]); // unit 1: all zero, white
    expect(at(2 * (TILE + GAP) + 27, 27)).toEqual(diverging(0.5, 0.5)); // unit 2's last pixel: full red
    expect(at(TILE, 0)).toEqual([255, 255, 255]); // the gap
  });
});

describe('saliency', () => {
  test('grey where the gradient is 0, full colour at its largest magnitude', () => {
    const pixels = [0, 1, 0.5, 0];
    const gradient = [0, 0, 4, -4];
    const rgba = saliencyImage(pixels, gradient);
    expect(Array.from(rgba.subarray(0, 8))).toEqual([0, 0, 0, 255, 255, 255, 255, 255]);
    expect(Array.from(rgba.subarray(8, 11))).toEqual(diverging(1, 1));
    expect(Array.from(rgba.subarray(12, 15))).toEqual(diverging(-1, 1));
  });

  test('the text alternative names the regions for and against', () => {
    const gradient = new Float32Array(784);
    gradient[0] = 1; // top left
    gradient[27 * 28 + 27] = -1; // bottom right
    expect(describeSaliency(gradient)).toBe(
      'Ink would count most for it in the top left and most against it in the bottom right.',
    );
  });
});

describe('opinion history', () => {
  const point = (step: number): OpinionPoint => ({ step, probabilities: [step] });

  test('appends, replaces a point at the same step, and stays bounded keeping the newest', () => {
    let history: OpinionPoint[] = [];
    history = addOpinion(history, point(1));
    history = addOpinion(history, point(1));
    expect(history).toHaveLength(1);
    for (let s = 2; s <= 25; s++) history = addOpinion(history, point(s), 10);
    expect(history.length).toBeLessThanOrEqual(10);
    expect(history.at(-1)?.step).toBe(25);
    expect(history[0].step).toBe(1);
    expect(history.map((p) => p.step)).toEqual([...history.map((p) => p.step)].sort((a, b) => a - b));
  });
});
