import type { Backend, Storage } from '../backend/backend';

/** A shaped view of device storage, with the gradient the tape fills in during backward. */
export class Tensor {
  grad: Tensor | null = null;
  /**
   * A hint that most values are zero (a batch of images), set by the data that fills the tensor
   * (DeviceDataset, imagesTensor): matmuls that read it as their left operand tell the backend,
   * which may skip the zero terms (MatmulShape.sparseA).
   */
  mostlyZeros = false;

  constructor(
    readonly backend: Backend,
    readonly shape: readonly number[],
    readonly storage: Storage,
    readonly requiresGrad = false,
  ) {
    if (storage.length < this.size)
      throw new Error(`storage of ${storage.length} words cannot hold shape [${shape}]`);
  }

  get size(): number {
    return this.shape.reduce((a, b) => a * b, 1);
  }

  /** A persistent tensor (a parameter or an input) holding a copy of `data`. */
  static from(backend: Backend, shape: readonly number[], data: Float32Array, requiresGrad = false): Tensor {
    const tensor = new Tensor(backend, shape, backend.alloc(data.length), requiresGrad);
    backend.write(tensor.storage, data);
    return tensor;
  }

  toArray(): Promise<Float32Array> {
    return this.backend.read(this.storage, this.size);
  }

  /** Frees a tensor made with Tensor.from; the tape frees the ones it made. */
  dispose(): void {
    this.backend.free(this.storage);
  }
}
