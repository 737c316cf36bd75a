// Turns a drawing into an MNIST-style input the way MNIST itself was made (LeCun et al.,
// http://yann.lecun.com/exdb/mnist/): the digit is scaled, keeping its aspect ratio and anti-aliased,
// to fit a 20x20 box, then placed in a 28x28 field so that its centre of mass sits at the centre.
// Pure (no DOM), so it is unit-tested in Node.
import { IMAGE_SIDE } from './mnist';

const FIELD = IMAGE_SIDE;
const BOX = 20;
/**
 * Where MNIST's digits have their intensity centre of mass, measuring pixel x as covering [x, x+1):
 * in pixel (14, 14), spread evenly over it ((14.51, 14.50) on average over the 60,000 training
 * images, sd 0.29 = 1/√12: whole-pixel shifts; docs/handwriting.md). Aiming at the field's middle
 * (14, 14) instead put every drawing half a pixel up and left of MNIST's digits.
 */
const MASS_CENTRE = FIELD / 2 + 0.5;
/** Ink below this is stroke-edge fuzz or noise and must not stretch the bounding box. */
const INK_THRESHOLD = 0.02;

/**
 * `rgba` is the drawing pad's pixels: opaque strokes on a transparent canvas, so ink = alpha / 255.
 * Returns 784 values in [0, 1] (0 background, 1 full ink, the same scale as uint8 / 255 in training),
 * or null when nothing is drawn.
 */
export function drawingToMnist(rgba: Uint8ClampedArray, width: number, height: number): Float32Array | null {
  if (rgba.length !== width * height * 4) {
    throw new RangeError(`drawingToMnist: ${rgba.length} bytes is not ${width}x${height} RGBA`);
  }
  const ink = new Float32Array(width * height);
  for (let i = 0; i < ink.length; i++) ink[i] = rgba[i * 4 + 3] / 255;
  return inkToMnist(ink, width, height);
}

/**
 * The same for an ink plane: `ink` holds width x height values in [0, 1], row-major. Returns the 784
 * inputs, or null when nothing is inked.
 */
export function inkToMnist(ink: Float32Array, width: number, height: number): Float32Array | null {
  if (ink.length !== width * height) {
    throw new RangeError(`inkToMnist: ${ink.length} values is not ${width}x${height}`);
  }
  const box = inkBoundingBox(ink, width, height);
  if (!box) return null;

  // The longer side becomes exactly 20 px; the shorter keeps the aspect ratio (at least 1 px).
  const scale = BOX / Math.max(box.width, box.height);
  const digitWidth = Math.max(1, Math.round(box.width * scale));
  const digitHeight = Math.max(1, Math.round(box.height * scale));
  const digit = resampleByArea(ink, width, box, digitWidth, digitHeight);
  return centreByMass(digit, digitWidth, digitHeight);
}

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

function inkBoundingBox(ink: Float32Array, width: number, height: number): Box | null {
  let [left, top, right, bottom] = [width, height, -1, -1];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (ink[y * width + x] <= INK_THRESHOLD) continue;
      left = Math.min(left, x);
      right = Math.max(right, x);
      top = Math.min(top, y);
      bottom = Math.max(bottom, y);
    }
  }
  return right < 0 ? null : { left, top, width: right - left + 1, height: bottom - top + 1 };
}

/**
 * Box-filter resampling: each output pixel is the mean ink over the source area it covers, partial
 * source pixels weighted by overlap. Edges come out grey instead of jagged, as in MNIST, whether the
 * drawing is shrunk or enlarged. Separable, so it runs as a horizontal pass then a vertical one.
 */
function resampleByArea(ink: Float32Array, width: number, box: Box, outWidth: number, outHeight: number) {
  const columns = areaWeights(box.width, outWidth);
  const rows = areaWeights(box.height, outHeight);
  const narrowed = new Float32Array(box.height * outWidth);
  for (let y = 0; y < box.height; y++) {
    const rowStart = (box.top + y) * width + box.left;
    for (let x = 0; x < outWidth; x++) {
      let sum = 0;
      for (const { source, weight } of columns[x]) sum += weight * ink[rowStart + source];
      narrowed[y * outWidth + x] = sum;
    }
  }
  const out = new Float32Array(outHeight * outWidth);
  for (let y = 0; y < outHeight; y++) {
    for (let x = 0; x < outWidth; x++) {
      let sum = 0;
      for (const { source, weight } of rows[y]) sum += weight * narrowed[source * outWidth + x];
      out[y * outWidth + x] = Math.min(1, sum); // rounding may overshoot 1 by an ulp
    }
  }
  return out;
}

/** For each output index, the source indices it overlaps and their share of its width (summing to 1). */
function areaWeights(sourceLength: number, outLength: number): { source: number; weight: number }[][] {
  const step = sourceLength / outLength;
  return Array.from({ length: outLength }, (_, i) => {
    const [start, end] = [i * step, (i + 1) * step];
    const weights = [];
    for (let source = Math.floor(start); source < Math.min(sourceLength, Math.ceil(end)); source++) {
      const overlap = Math.min(end, source + 1) - Math.max(start, source);
      if (overlap > 0) weights.push({ source, weight: overlap / step });
    }
    return weights;
  });
}

/**
 * Places the digit in the 28x28 field, shifted by whole pixels so that its intensity centre of mass
 * lands as close as possible to MNIST's (MASS_CENTRE, MASS_CENTRE).
 * The shift is clamped so that no ink falls off the field.
 */
function centreByMass(digit: Float32Array, digitWidth: number, digitHeight: number): Float32Array {
  let [mass, massX, massY] = [0, 0, 0];
  for (let y = 0; y < digitHeight; y++) {
    for (let x = 0; x < digitWidth; x++) {
      const ink = digit[y * digitWidth + x];
      mass += ink;
      massX += ink * (x + 0.5);
      massY += ink * (y + 0.5);
    }
  }
  const clamp = (shift: number, size: number) => Math.min(FIELD - size, Math.max(0, shift));
  const left = clamp(Math.round(MASS_CENTRE - massX / mass), digitWidth);
  const top = clamp(Math.round(MASS_CENTRE - massY / mass), digitHeight);

  const field = new Float32Array(FIELD * FIELD);
  for (let y = 0; y < digitHeight; y++) {
    field.set(digit.subarray(y * digitWidth, (y + 1) * digitWidth), (top + y) * FIELD + left);
  }
  return field;
}
