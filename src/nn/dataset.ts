import type { AugmentRanges } from '../backend/augmentation';
import type { Backend, Storage } from '../backend/backend';
import { SPARSE_ROWS, sparseIndexLayout, sparseIndexViews } from '../backend/sparseIndex';
import type { Tape } from '../engine/tape';
import type { Tensor } from '../engine/tensor';
import { evaluationOrder, groupedByInk } from './inkOrder';

/** Candidates per place when grouping a batch: half the CPU time of 128, for 31.2% of the pixels instead of 31.0%. */
const BATCH_WINDOW = 32;

/** More than half the values are zero: the tensors made from them carry Tensor.mostlyZeros. */
export function isMostlyZeros(values: ArrayLike<number>): boolean {
  let zeros = 0;
  for (let i = 0; i < values.length; i++) if (values[i] === 0) zeros++;
  return zeros * 2 > values.length;
}

/** What picks a batch's transforms: the run's seed and the training step, and how far they may go. */
export interface Augment {
  seed: number;
  step: number;
  ranges: AugmentRanges;
}

/**
 * Images and labels on the device, as bytes: uploaded once, a quarter of the float32 size.
 * Batches are gathered from it on the device in any order (shaders/gatherBatch.wgsl).
 */
export class DeviceDataset {
  private groupedOrder: Uint32Array | null = null;

  private constructor(
    readonly backend: Backend,
    readonly images: Storage,
    readonly labels: Storage,
    readonly count: number,
    readonly pixelsPerImage: number,
    /** Most pixels are background (MNIST: about 80%); every batch gathered from it says so. */
    readonly mostlyZeros: boolean,
    /** The uploaded bytes, kept (not copied) for evaluationOrder(). */
    private readonly hostPixels: Uint8Array,
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
      isMostlyZeros(pixels),
      pixels,
    );
  }

  /** The backend's matmul skips zero pixels, and there are enough of them for it to pay. */
  private get skipsZeros(): boolean {
    return this.mostlyZeros && !!this.backend.skipsZeros;
  }

  /**
   * The order an evaluation visits the images in: grouped by their ink (inkOrder.ts) where
   * the backend skips zeros, so each block of rows skips more; else as stored. Grouped once, at the
   * first evaluation that needs it.
   */
  evaluationOrder(): Uint32Array {
    if (!this.skipsZeros) return Uint32Array.from({ length: this.count }, (_, i) => i);
    this.groupedOrder ??= evaluationOrder(this.hostPixels, this.count, this.pixelsPerImage);
    return this.groupedOrder;
  }

  /**
   * An epoch's order with the images of each batch grouped by their ink, where the backend skips
   * zeros: the same batches of the same images, so the same training but for rounding, and the
   * first layer's forward lists about a fifth fewer pixels (MNIST, batch 128: 39% to 31%).
   */
  groupedBatches(order: Uint32Array, batchSize: number): Uint32Array {
    if (!this.skipsZeros) return order;
    const grouped = new Uint32Array(order.length);
    for (let start = 0; start < order.length; start += batchSize) {
      const batch = order.subarray(start, Math.min(start + batchSize, order.length));
      grouped.set(
        groupedByInk(this.hostPixels, this.pixelsPerImage, batch, SPARSE_ROWS, BATCH_WINDOW),
        start,
      );
    }
    return grouped;
  }

  /**
   * Batch rows order[offset .. offset + rows), gathered on the device into tape temporaries: the
   * images as [rows, pixelsPerImage] floats in [0, 1], and their labels (u32); on a backend that
   * skips zeros, also the input's sparse indexes (Tensor.sparseIndex), in the same dispatch. With
   * `augment`, each (square) image is moved by a transform drawn from the seed, the step and its row
   * (shaders/gatherBatchAugmented.wgsl); the sparse matmul then builds its index itself.
   */
  gather(
    tape: Tape,
    order: Storage,
    offset: number,
    rows: number,
    /** false when no matmul reads the batch (a ConvNet's first layer): no index is built. */
    sparseIndex = true,
    augment?: Augment,
  ): { input: Tensor; labels: Storage } {
    const input = tape.tensor([rows, this.pixelsPerImage], false);
    input.mostlyZeros = this.mostlyZeros;
    const labels = tape.alloc(rows);
    let index: { storage: Storage; parts: 1 | 2 } | undefined;
    if (sparseIndex && !augment && this.mostlyZeros && tape.backend.skipsZeros) {
      // The sparse matmuls' indexes, built by the same dispatch: x's for the forward and, when
      // training, xᵀ's for the weight gradient.
      const parts = tape.recordsGrad ? 2 : 1;
      index = { storage: tape.alloc(sparseIndexLayout(rows, this.pixelsPerImage, parts).length), parts };
      input.sparseIndex = sparseIndexViews(tape.backend, index.storage, rows, this.pixelsPerImage, parts);
    }
    const args = {
      x: input.storage,
      labels,
      images: this.images,
      labelBytes: this.labels,
      order,
      offset,
      rows,
      pixelsPerImage: this.pixelsPerImage,
      index,
    };
    if (!augment) tape.backend.gatherBatch(args);
    else {
      const side = Math.sqrt(this.pixelsPerImage);
      if (!Number.isInteger(side))
        throw new Error(`augment: ${this.pixelsPerImage}-pixel images are not square`);
      const { index: _, ...plain } = args;
      tape.backend.gatherBatchAugmented({ ...plain, width: side, height: side, ...augment });
    }
    return { input, labels };
  }

  dispose(): void {
    this.backend.free(this.images);
    this.backend.free(this.labels);
  }
}

/**
 * Images given as floats ([rows, width]) in a tape temporary: drawings, which like MNIST are mostly
 * background. NOTE: marked as images whatever their values, so every drawing takes the same kernels
 * and the same buffers (a stroke just begun, scaled up, can be mostly ink); skipping zeros where
 * there are few costs time, never correctness.
 */
export function imagesTensor(tape: Tape, pixels: Float32Array, rows: number, requiresGrad = false): Tensor {
  const input = tape.tensor([rows, pixels.length / rows], requiresGrad);
  input.mostlyZeros = true;
  tape.backend.write(input.storage, pixels);
  return input;
}
