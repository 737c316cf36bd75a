// A drawing kept as its strokes, turned into MNIST's 28x28 with a pen as wide, relative to the
// digit, as MNIST's strokes are. The pad paints with a fixed pen, so a digit drawn small and scaled
// up to MNIST's 20-pixel box came out with strokes twice MNIST's width that filled its loops
// (docs/handwriting.md). Here the strokes are painted afresh at a pen width proportional to the
// digit's size, then scaled, anti-aliased and centred as any drawing is (preprocess.ts). Pure.
import { inkToMnist } from './preprocess';

/** A pointer position in pad pixels: x to the right, y down. */
export type StrokePoint = readonly [x: number, y: number];
/** One press-drag-release: its first point draws a dot, each next one a segment from the last. */
export type Stroke = readonly StrokePoint[];

export interface PadSize {
  width: number;
  height: number;
}

/**
 * The width MNIST's strokes have once a digit fills the 20-pixel box: the median over the 60,000
 * training images of ink over skeleton length (tests/cases/inkStatistics.ts; per digit the medians
 * run from 2.1 for 8s to 3.0 for 1s).
 */
export const MNIST_STROKE_WIDTH = 2.5;
const BOX = 20;
/** The digit's longer side is painted this many pixels long, ten per output pixel. */
const PAINTED = 10 * BOX;

/**
 * The network's 784 inputs in [0, 1] for a drawing kept as strokes on a pad of the given size, or
 * null when nothing is drawn on the pad. Points off the pad (a pointer captured while dragged past
 * its edge) are cut off at the edge, as the pad's canvas cuts its strokes.
 */
export function strokesToMnist(strokes: readonly Stroke[], pad: PadSize): Float32Array | null {
  if (!(pad.width > 0 && pad.height > 0 && Number.isFinite(pad.width) && Number.isFinite(pad.height))) {
    throw new RangeError(`strokesToMnist: the pad's size ${pad.width}x${pad.height} is not positive`);
  }
  const segments = strokes.flatMap((stroke, i) => clippedSegments(stroke, i, pad));
  if (segments.length === 0) return null;

  let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of segments.flat()) {
    [left, right, top, bottom] = [
      Math.min(left, x),
      Math.max(right, x),
      Math.min(top, y),
      Math.max(bottom, y),
    ];
  }
  // The ink's box is the centre lines' box plus the pen: the pen takes MNIST_STROKE_WIDTH of its 20.
  const longer = Math.max(right - left, bottom - top);
  const pen = Math.max(1, (MNIST_STROKE_WIDTH * longer) / (BOX - MNIST_STROKE_WIDTH));
  const scale = PAINTED / (longer + pen);
  const toPainted = ([x, y]: StrokePoint): StrokePoint => [
    (x - left + pen / 2) * scale + 1,
    (y - top + pen / 2) * scale + 1,
  ];
  const width = Math.ceil((right - left + pen) * scale) + 2;
  const height = Math.ceil((bottom - top + pen) * scale) + 2;
  const onPad = (x: number, y: number) => {
    const [padX, padY] = [(x - 1) / scale + left - pen / 2, (y - 1) / scale + top - pen / 2];
    return padX >= 0 && padX <= pad.width && padY >= 0 && padY <= pad.height;
  };
  const ink = paintSegments(
    segments.map(([a, b]) => [toPainted(a), toPainted(b)]),
    (pen * scale) / 2,
    width,
    height,
    onPad,
  );
  return inkToMnist(ink, width, height);
}

type Segment = readonly [StrokePoint, StrokePoint];

/** A stroke's dot and segments, each cut to the pad (Liang and Barsky's clipping); none that miss it. */
function clippedSegments(stroke: Stroke, index: number, pad: PadSize): Segment[] {
  for (const point of stroke) {
    if (!Array.isArray(point) || point.length !== 2 || !point.every(Number.isFinite)) {
      throw new RangeError(`strokesToMnist: stroke ${index} has a point that is not two finite numbers`);
    }
  }
  const pairs: Segment[] = stroke.map((point, i) => [stroke[Math.max(0, i - 1)], point]);
  return pairs.flatMap(([a, b]) => {
    const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
    let [enter, leave] = [0, 1];
    // Each edge as p·t <= q: left, right, top, bottom.
    const edges = [
      [-dx, a[0]],
      [dx, pad.width - a[0]],
      [-dy, a[1]],
      [dy, pad.height - a[1]],
    ];
    for (const [p, q] of edges) {
      if (p === 0) {
        if (q < 0) return [];
      } else if (p < 0) enter = Math.max(enter, q / p);
      else leave = Math.min(leave, q / p);
    }
    if (enter > leave) return [];
    const at = (t: number): StrokePoint => [a[0] + t * dx, a[1] + t * dy];
    return [[at(enter), at(leave)] as Segment];
  });
}

/**
 * Round-capped lines `radius` wide on each side, as ink in [0, 1] per pixel: a pixel's coverage is
 * estimated from its centre's distance to the nearest segment (exact for a straight edge), so
 * overlapping segments do not darken each other's edges. `inside` masks pixels off the pad.
 */
function paintSegments(
  segments: Segment[],
  radius: number,
  width: number,
  height: number,
  inside: (x: number, y: number) => boolean,
): Float32Array {
  const ink = new Float32Array(width * height);
  const reach = radius + 0.5; // no coverage past this distance
  for (const [[ax, ay], [bx, by]] of segments) {
    const [vx, vy] = [bx - ax, by - ay];
    const length2 = vx * vx + vy * vy;
    const [top, bottom] = [Math.min(ay, by) - reach, Math.max(ay, by) + reach];
    const [left, right] = [Math.min(ax, bx) - reach, Math.max(ax, bx) + reach];
    for (let y = Math.max(0, Math.floor(top)); y < Math.min(height, Math.ceil(bottom)); y++) {
      const py = y + 0.5 - ay;
      for (let x = Math.max(0, Math.floor(left)); x < Math.min(width, Math.ceil(right)); x++) {
        const px = x + 0.5 - ax;
        // The distance to the segment: to its nearest point, at t along it.
        const t = length2 === 0 ? 0 : Math.min(1, Math.max(0, (px * vx + py * vy) / length2));
        const dx = px - t * vx;
        const dy = py - t * vy;
        const distance2 = dx * dx + dy * dy;
        if (distance2 >= reach * reach) continue;
        const coverage = Math.min(1, reach - Math.sqrt(distance2));
        const i = y * width + x;
        if (coverage > ink[i] && inside(x + 0.5, y + 0.5)) ink[i] = coverage;
      }
    }
  }
  return ink;
}
