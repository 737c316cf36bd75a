import type { Backend, Storage } from '../backend/backend';

/**
 * Images and labels on the device, as bytes: uploaded once, a quarter of the float32 size.
 * Batches are gathered from it on the device in any order (shaders/gatherBatch.wgsl).
 */
export class DeviceDataset {
  private constructor(
    readonly backend: Backend,
    readonly images: Storage,
    readonly labels: Storage,
    readonly count: number,
    readonly pixelsPerImage: number,
  ) {}

  static upload(
    backend: Backend,
    pixels: Uint8Array,
    labels: Uint8Array,
    pixelsPerImage: number,
  ): DeviceDataset {
    const count = labels.length;
    if (pixels.length !== count * pixelsPerImage) {
      throw new Error(
        `DeviceDataset: ${pixels.length} pixels do not make ${count} images of ${pixelsPerImage}`,
      );
    }
    return new DeviceDataset(
      backend,
      backend.uploadBytes(pixels),
      backend.uploadBytes(labels),
      count,
      pixelsPerImage,
    );
  }

  dispose(): void {
    this.backend.free(this.images);
    this.backend.free(this.labels);
  }
}
