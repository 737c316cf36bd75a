// The saliency overlay: the drawing as the network sees it, in grey, with the gradient of the
// predicted class's score on top: red where more ink would raise the score, blue where it would lower it.
import { IMAGE_SIDE } from '../data/mnist';
import { diverging } from './colorMap';

/** The gradient's largest magnitude, the overlay's full-colour point. */
export function saliencyScale(gradient: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < gradient.length; i++) max = Math.max(max, Math.abs(gradient[i]));
  return max;
}

/**
 * RGBA for 28x28: the colour of the gradient blended over the grey drawing, more opaque where the
 * gradient is larger, so weak pixels show the drawing through.
 */
export function saliencyImage(pixels: ArrayLike<number>, gradient: ArrayLike<number>): Uint8ClampedArray {
  const scale = saliencyScale(gradient);
  const rgba = new Uint8ClampedArray(pixels.length * 4);
  for (let i = 0; i < pixels.length; i++) {
    const grey = Math.round(pixels[i] * 255);
    const colour = diverging(gradient[i], scale);
    const alpha = scale > 0 ? Math.min(1, Math.abs(gradient[i]) / scale) ** 0.5 : 0;
    for (let c = 0; c < 3; c++) rgba[i * 4 + c] = Math.round(grey * (1 - alpha) + colour[c] * alpha);
    rgba[i * 4 + 3] = 255;
  }
  return rgba;
}

/** The text alternative: where the evidence for and against the class lies, in words. */
export function describeSaliency(gradient: ArrayLike<number>, side = IMAGE_SIDE): string {
  const third = (i: number) => Math.min(2, Math.floor(((i % side) * 3) / side));
  const band = (i: number) => Math.min(2, Math.floor((Math.floor(i / side) * 3) / side));
  const names = [
    ['top left', 'top', 'top right'],
    ['left', 'centre', 'right'],
    ['bottom left', 'bottom', 'bottom right'],
  ];
  const sums = { for: new Float64Array(9), against: new Float64Array(9) };
  for (let i = 0; i < gradient.length; i++) {
    const region = band(i) * 3 + third(i);
    if (gradient[i] > 0) sums.for[region] += gradient[i];
    else sums.against[region] -= gradient[i];
  }
  const strongest = (a: Float64Array) => a.indexOf(Math.max(...a));
  const name = (r: number) => names[Math.floor(r / 3)][r % 3];
  return `Ink would count most for it in the ${name(strongest(sums.for))} and most against it in the ${name(strongest(sums.against))}.`;
}
