import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { drawingToMnist } from '../../src/data/preprocess';

const SIDE = 28;

/** A transparent canvas, as the drawing pad starts. */
function blankPad(width: number, height: number) {
  return { rgba: new Uint8ClampedArray(width * height * 4), width, height };
}

type Pad = ReturnType<typeof blankPad>;

function paint(pad: Pad, x: number, y: number, alpha: number) {
  const i = (y * pad.width + x) * 4;
  pad.rgba.set([20, 20, 20, alpha], i);
}

function fillRect(pad: Pad, left: number, top: number, width: number, height: number, alpha = 255) {
  for (let y = top; y < top + height; y++) for (let x = left; x < left + width; x++) paint(pad, x, y, alpha);
}

function fillDisc(pad: Pad, centreX: number, centreY: number, radius: number) {
  for (let y = 0; y < pad.height; y++) {
    for (let x = 0; x < pad.width; x++) {
      if ((x + 0.5 - centreX) ** 2 + (y + 0.5 - centreY) ** 2 <= radius ** 2) paint(pad, x, y, 255);
    }
  }
}

function mnistOf(pad: Pad): Float32Array {
  const out = drawingToMnist(pad.rgba, pad.width, pad.height);
  expect(out).not.toBeNull();
  return out as Float32Array;
}

/** Bounding box of non-zero output pixels. */
function inkBox(field: Float32Array) {
  let [left, top, right, bottom] = [SIDE, SIDE, -1, -1];
  field.forEach((value, i) => {
    if (value === 0) return;
    const [x, y] = [i % SIDE, Math.floor(i / SIDE)];
    [left, right, top, bottom] = [
      Math.min(left, x),
      Math.max(right, x),
      Math.min(top, y),
      Math.max(bottom, y),
    ];
  });
  return { left, top, width: right - left + 1, height: bottom - top + 1 };
}

/** Intensity centre of mass, pixel x covering [x, x+1); MNIST's digits have it in pixel (14, 14), (14.5, 14.5) on average. */
function centreOfMass(field: Float32Array) {
  let [mass, x, y] = [0, 0, 0];
  field.forEach((value, i) => {
    mass += value;
    x += value * ((i % SIDE) + 0.5);
    y += value * (Math.floor(i / SIDE) + 0.5);
  });
  return { x: x / mass, y: y / mass };
}

describe('drawingToMnist', () => {
  test('an empty drawing gives null', () => {
    const pad = blankPad(64, 48);
    expect(drawingToMnist(pad.rgba, pad.width, pad.height)).toBeNull();
  });

  test('faint specks below the ink threshold count as empty', () => {
    const pad = blankPad(64, 48);
    paint(pad, 3, 3, 4);
    paint(pad, 60, 40, 5);
    expect(drawingToMnist(pad.rgba, pad.width, pad.height)).toBeNull();
  });

  test("a filled square drawn off-centre is scaled to 20x20 and centred by mass where MNIST's are", () => {
    const pad = blankPad(200, 150);
    fillRect(pad, 130, 90, 40, 40);
    const field = mnistOf(pad);
    expect(inkBox(field)).toEqual({ left: 5, top: 5, width: 20, height: 20 });
    expect(field[14 * SIDE + 14]).toBeCloseTo(1, 6);
    const centre = centreOfMass(field);
    expect(Math.abs(centre.x - 14.5)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(centre.y - 14.5)).toBeLessThanOrEqual(0.5);
  });

  test('a lopsided shape (a "7") has its centre of mass, not its box, moved to the centre', () => {
    const pad = blankPad(120, 120);
    fillRect(pad, 10, 10, 60, 12); // heavy top bar
    fillRect(pad, 58, 22, 12, 80); // stem on the right
    const field = mnistOf(pad);
    const centre = centreOfMass(field);
    expect(Math.abs(centre.x - 14.5)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(centre.y - 14.5)).toBeLessThanOrEqual(0.5);
    const box = inkBox(field);
    expect(Math.max(box.width, box.height)).toBe(20);
    expect(box.left + box.width / 2).toBeLessThan(14); // the box is off-centre to put the mass on it
  });

  test('a thin vertical stroke keeps its aspect ratio', () => {
    const pad = blankPad(100, 200);
    fillRect(pad, 70, 30, 6, 150);
    const box = inkBox(mnistOf(pad));
    expect(box.height).toBe(20);
    expect(box.width).toBe(1); // 6 * 20/150 = 0.8 px, at least one column
  });

  test('a tall rectangle keeps its proportions', () => {
    const pad = blankPad(100, 100);
    fillRect(pad, 5, 5, 30, 50);
    const box = inkBox(mnistOf(pad));
    expect([box.width, box.height]).toEqual([12, 20]);
  });

  test('a small drawing is enlarged to the 20 px box too', () => {
    const pad = blankPad(50, 50);
    fillRect(pad, 20, 20, 5, 10);
    const box = inkBox(mnistOf(pad));
    expect([box.width, box.height]).toEqual([10, 20]);
  });

  test('anti-aliasing gives grey edges when the scale is not a whole number', () => {
    const pad = blankPad(100, 100);
    fillDisc(pad, 50, 50, 23); // 46 px across, scaled by 20/46
    const field = mnistOf(pad);
    const greys = field.filter((value) => value > 0.05 && value < 0.95);
    expect(greys.length).toBeGreaterThanOrEqual(8);
    expect(field.filter((value) => value === 1).length).toBeGreaterThan(100);
  });

  test('only alpha is ink: the stroke colour does not matter', () => {
    const dark = blankPad(40, 40);
    fillRect(dark, 5, 8, 10, 20);
    const light = { ...dark, rgba: dark.rgba.map((value, i) => (i % 4 === 3 ? value : 255 - value)) };
    expect(mnistOf(light)).toEqual(mnistOf(dark));
  });

  test('rejects pixels that do not match the given size', () => {
    expect(() => drawingToMnist(new Uint8ClampedArray(10), 2, 2)).toThrow(RangeError);
  });

  test('any drawing gives 784 values in [0, 1] inside the field (property)', () => {
    const rect = fc.record({
      left: fc.nat({ max: 47 }),
      top: fc.nat({ max: 31 }),
      width: fc.integer({ min: 1, max: 48 }),
      height: fc.integer({ min: 1, max: 32 }),
      alpha: fc.integer({ min: 0, max: 255 }),
    });
    fc.assert(
      fc.property(fc.array(rect, { maxLength: 5 }), (rects) => {
        const pad = blankPad(48, 32);
        for (const { left, top, width, height, alpha } of rects) {
          fillRect(pad, left, top, Math.min(width, 48 - left), Math.min(height, 32 - top), alpha);
        }
        const field = drawingToMnist(pad.rgba, pad.width, pad.height);
        // NOTE: read off the pad, not the rectangles: a later rectangle paints over an earlier one, so
        // an inked rectangle can be wiped out by a clear one on top of it.
        const inked = pad.rgba.some((value, i) => i % 4 === 3 && value > 5);
        expect(field === null).toBe(!inked);
        if (!field) return;
        expect(field.length).toBe(SIDE * SIDE);
        expect(field.every((value) => value >= 0 && value <= 1)).toBe(true);
        const box = inkBox(field);
        expect(Math.max(box.width, box.height)).toBeLessThanOrEqual(20);
      }),
    );
  });
});
