// Drawn digits as strokes (tests/fixtures/drawnDigits.json), painted as the drawing pad paints
// them (src/ui/components/DrawPad.tsx, src/ui/drawing.ts): one round-capped white line STROKE wide
// per pointer move, each composited over the canvas, the ink read from alpha. Shared by the e2e
// test that draws them through the real pad and the drawn-digit measurement (scripts/headless/).
import { drawingToMnist } from '../../src/data/preprocess';
import { SIZE, STROKE } from '../../src/ui/drawing';
import fixture from '../fixtures/drawnDigits.json' with { type: 'json' };

export type Point = [number, number];
export type Stroke = Point[];
export interface DrawnDigit {
  label: number;
  style: number;
  /** In pad pixels (0..SIZE), one press-drag-release each. */
  strokes: Stroke[];
}

export const drawnDigits: DrawnDigit[] = fixture.digits as DrawnDigit[];

/**
 * The pointer positions a mouse reports when moved in `steps` equal steps along each segment, as
 * Playwright's mouse.move(x, y, { steps }) does: what the pad receives from the e2e test.
 */
export function mouseSteps(stroke: Stroke, steps: number): Stroke {
  const out: Stroke = [stroke[0]];
  for (let i = 1; i < stroke.length; i++) {
    const [[x0, y0], [x1, y1]] = [stroke[i - 1], stroke[i]];
    for (let k = 1; k <= steps; k++) out.push([x0 + ((x1 - x0) * k) / steps, y0 + ((y1 - y0) * k) / steps]);
  }
  return out;
}

/** The strokes scaled to `height` pad pixels tall, their box centred at `centre`. */
export function placed(strokes: Stroke[], height: number, [cx, cy]: [number, number]): Stroke[] {
  const xs = strokes.flat().map(([x]) => x);
  const ys = strokes.flat().map(([, y]) => y);
  const [mx, my] = [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2];
  const scale = height / (Math.max(...ys) - Math.min(...ys));
  return strokes.map((s) => s.map(([x, y]) => [cx + scale * (x - mx), cy + scale * (y - my)]));
}

/** Distance from (px, py) to the segment a-b. */
function distanceToSegment(px: number, py: number, [ax, ay]: Point, [bx, by]: Point): number {
  const [vx, vy] = [bx - ax, by - ay];
  const length2 = vx * vx + vy * vy;
  const t = length2 === 0 ? 0 : Math.min(1, Math.max(0, ((px - ax) * vx + (py - ay) * vy) / length2));
  return Math.hypot(px - ax - t * vx, py - ay - t * vy);
}

/**
 * The pad's RGBA pixels after drawing these strokes (points as pointer positions: the first one of
 * a stroke draws a dot, each next one a segment from the last). A pixel's coverage by a segment is
 * estimated from its centre's distance to it (exact for straight edges, and the pen's radius is 14
 * px); each segment is then composited source-over and stored in 8 bits, as a 2D canvas does.
 */
export function paintStrokes(strokes: Stroke[], size = SIZE, width = STROKE): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(size * size * 4);
  const radius = width / 2;
  const paint = (a: Point, b: Point) => {
    const [left, right] = [Math.min(a[0], b[0]) - radius - 1, Math.max(a[0], b[0]) + radius + 1];
    const [top, bottom] = [Math.min(a[1], b[1]) - radius - 1, Math.max(a[1], b[1]) + radius + 1];
    for (let y = Math.max(0, Math.floor(top)); y < Math.min(size, Math.ceil(bottom)); y++) {
      for (let x = Math.max(0, Math.floor(left)); x < Math.min(size, Math.ceil(right)); x++) {
        const coverage = Math.min(1, Math.max(0, radius + 0.5 - distanceToSegment(x + 0.5, y + 0.5, a, b)));
        if (coverage === 0) continue;
        const i = (y * size + x) * 4;
        const alpha = rgba[i + 3] / 255;
        rgba.set([255, 255, 255, Math.round(255 * (alpha + coverage * (1 - alpha)))], i);
      }
    }
  };
  for (const stroke of strokes) {
    paint(stroke[0], stroke[0]);
    for (let i = 1; i < stroke.length; i++) paint(stroke[i - 1], stroke[i]);
  }
  return rgba;
}

/** A drawing as the network's 784 inputs, preprocessed as the page does (src/data/preprocess.ts). */
export function strokesToInput(strokes: Stroke[], size = SIZE): Float32Array {
  const input = drawingToMnist(paintStrokes(strokes, size), size, size);
  if (!input) throw new Error('strokesToInput: nothing drawn');
  return input;
}
