import type { Backend, SparseIndex, Storage } from '../backend/backend';

/** A shaped view of device storage, with the gradient the tape fills in during backward. */
export class Tensor {
  grad: Tensor | null = null;
  /**
   * A hint that most values are zero (a batch of images), set by the data that fills the tensor
   * (DeviceDataset, imagesTensor): matmuls that read it as their left operand tell the backend,
   * which may skip the zero terms (MatmulShape.sparseA).
   */
  mostlyZeros = false;
  /** The sparse path's indexes of this (batch) tensor as A and as Aᵀ, when its producer built them. */
  sparseIndex: { rows: SparseIndex; columns: SparseIndex | null } | null = null;
  /**
   * Values are a ReLU's output (dense() with relu): an op that takes this tensor as its left operand
   * may apply the ReLU's mask (value > 0) in the epilogue of the matmul that makes its gradient.
   */
  reluOutput = false;
  /**
   * Where backward writes this tensor's gradient, when it has a home of its own (a parameter's slot
   * in the model's gradient arena, read by the one optimizer dispatch); else a tape temporary.
   */
  gradTarget: Storage | null = null;

  constructor(
    readonly backend: Backend,
    readonly shape: readonly number[],
    private _storage: Storage,
    readonly requiresGrad = false,
  ) {
    if (_storage.length < this.size)
      throw new Error(`storage of ${_storage.length} words cannot hold shape [${shape}]`);
  }

  get storage(): Storage {
    return this._storage;
  }

  /** Moves a parameter into new storage (its slot in a ParameterArena); the old one is the caller's. */
  relocate(storage: Storage): void {
    if (storage.length < this.size) throw new Error(`relocate: ${storage.length} words for [${this.shape}]`);
    this._storage = storage;
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
