/** Reference for shaders/gatherBatch.wgsl: one batch of pixels / 255 and labels, in the given order. */
export function gatherBatch(
  x: Float32Array,
  labels: Uint32Array,
  images: Uint8Array,
  labelBytes: Uint8Array,
  order: Uint32Array,
  offset: number,
  rows: number,
  pixelsPerImage: number,
): void {
  for (let r = 0; r < rows; r++) {
    const image = order[offset + r];
    for (let p = 0; p < pixelsPerImage; p++) {
      x[r * pixelsPerImage + p] = images[image * pixelsPerImage + p] / 255;
    }
    labels[r] = labelBytes[image];
  }
}
