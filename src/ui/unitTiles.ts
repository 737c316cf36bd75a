// The hidden units' tiles: one 28x28 image of each unit's incoming weights, all on one canvas.
import { IMAGE_SIDE } from '../data/mnist';
import { diverging } from './colorMap';

export const TILE = IMAGE_SIDE;
export const GAP = 1;

/** Columns of the tile grid: about twice as wide as tall (512 units: 32 x 16). */
export function tileColumns(units: number): number {
  return Math.max(1, Math.min(units, Math.ceil(Math.sqrt(2 * units))));
}

/** Each unit's smallest and largest incoming weight: [min0, max0, min1, max1, ...]. */
export function unitRanges(weights: Float32Array, inputs: number, units: number): Float32Array {
  const ranges = new Float32Array(units * 2);
  for (let u = 0; u < units; u++) {
    ranges[2 * u] = Number.POSITIVE_INFINITY;
    ranges[2 * u + 1] = Number.NEGATIVE_INFINITY;
  }
  for (let p = 0; p < inputs; p++) {
    for (let u = 0; u < units; u++) {
      const w = weights[p * units + u];
      if (w < ranges[2 * u]) ranges[2 * u] = w;
      if (w > ranges[2 * u + 1]) ranges[2 * u + 1] = w;
    }
  }
  return ranges;
}

/**
 * RGBA pixels of the whole grid. Weights are [inputs, units] row-major (input p, unit u at
 * p * units + u). NOTE: each tile is scaled to its own largest |weight|: after training a few units
 * have much larger weights than the rest, and one global scale would wash the others out to white.
 * The hover text gives each unit's actual range.
 */
export function paintTiles(
  weights: Float32Array,
  inputs: number,
  units: number,
  ranges: Float32Array,
): { width: number; height: number; rgba: Uint8ClampedArray } {
  const cols = tileColumns(units);
  const rows = Math.ceil(units / cols);
  const width = cols * (TILE + GAP) - GAP;
  const height = rows * (TILE + GAP) - GAP;
  const rgba = new Uint8ClampedArray(width * height * 4).fill(255);
  const side = Math.round(Math.sqrt(inputs));
  for (let u = 0; u < units; u++) {
    const scale = Math.max(Math.abs(ranges[2 * u]), Math.abs(ranges[2 * u + 1]));
    const x0 = (u % cols) * (TILE + GAP);
    const y0 = Math.floor(u / cols) * (TILE + GAP);
    for (let p = 0; p < Math.min(inputs, TILE * TILE); p++) {
      const x = x0 + (p % side);
      const y = y0 + Math.floor(p / side);
      rgba.set(diverging(weights[p * units + u], scale), (y * width + x) * 4);
    }
  }
  return { width, height, rgba };
}

/** The unit under a point of the canvas (in canvas pixels), or null over a gap or past the last unit. */
export function unitAt(x: number, y: number, units: number): number | null {
  const cols = tileColumns(units);
  const [col, row] = [Math.floor(x / (TILE + GAP)), Math.floor(y / (TILE + GAP))];
  if (col < 0 || col >= cols || row < 0) return null;
  const unit = row * cols + col;
  return unit < units ? unit : null;
}
