import { type Backend, type Storage, VIEW_ALIGN } from '../backend/backend';
import type { Tensor } from '../engine/tensor';

/**
 * Every parameter of a model in one storage, and every gradient in another of the same layout, so
 * one optimizer dispatch updates them all (the step's dispatch count, not its arithmetic, is what
 * costs on a GPU). Each parameter becomes a view at its offset (a multiple of VIEW_ALIGN words, as
 * binding offsets must be); backward writes its gradient into its slot (Tensor.gradTarget). The gaps
 * between slots hold zeros in both, so an update over the whole arena leaves them zero.
 */
export class ParameterArena {
  private constructor(
    readonly backend: Backend,
    readonly params: Storage,
    readonly grads: Storage,
    /** Words, padding included: what one dispatch over the arena covers. */
    readonly length: number,
    private readonly offsets: Map<Tensor, number>,
  ) {}

  /** Moves the parameters (built by the layers as storage of their own) into one arena. */
  static pack(backend: Backend, parameters: Tensor[]): ParameterArena {
    const offsets = new Map<Tensor, number>();
    let length = 0;
    for (const p of parameters) {
      offsets.set(p, length);
      length += Math.ceil(p.size / VIEW_ALIGN) * VIEW_ALIGN;
    }
    length = Math.max(length, VIEW_ALIGN);
    const params = backend.alloc(length);
    const grads = backend.alloc(length);
    backend.fill(params, 0, length);
    backend.fill(grads, 0, length);
    const arena = new ParameterArena(backend, params, grads, length, offsets);
    for (const p of parameters) {
      const slot = arena.slot(params, p);
      backend.copy(slot, p.storage, p.size);
      backend.free(p.storage);
      p.relocate(slot);
      p.gradTarget = arena.slot(grads, p);
    }
    return arena;
  }

  has(parameter: Tensor): boolean {
    return this.offsets.has(parameter);
  }

  /** This parameter's slot in `storage`, any storage laid out like the arena (optimizer state). */
  slot(storage: Storage, parameter: Tensor): Storage {
    const offset = this.offsets.get(parameter);
    if (offset === undefined) throw new Error('ParameterArena: not one of its parameters');
    return this.backend.view(storage, offset, parameter.size);
  }

  /** True when backward wrote every parameter's gradient into its slot (one dispatch may update all). */
  gradientsInPlace(parameters: Tensor[]): boolean {
    return (
      parameters.length === this.offsets.size && parameters.every((p) => p.grad?.storage === p.gradTarget)
    );
  }

  dispose(): void {
    this.backend.free(this.params);
    this.backend.free(this.grads);
  }
}
