import type { Backend, Storage } from '../backend/backend';
import { Tensor } from './tensor';

/** Given the output's gradient (null for a loss, whose seed is 1), one gradient per input. */
export type BackwardFn = (gradOut: Storage | null) => (Storage | null)[];

interface Entry {
  output: Tensor;
  inputs: Tensor[];
  backward: BackwardFn;
}

/**
 * Records ops during the forward pass and runs their backward in reverse. The recording order is
 * already a topological order, so reverse order is a valid backward order. The tape also owns
 * every temporary it allocates and frees them, newest first, in release(): the pool then hands
 * out the same buffers in the same order next step, so cached bind groups keep matching.
 */
export class Tape {
  private readonly entries: Entry[] = [];
  private readonly allocations: Storage[] = [];
  /** Gradients that already carry the mask of the ReLU that made their tensor (see Tensor.reluOutput). */
  private readonly masked = new Set<Storage>();
  /**
   * Set on a training step's tape only (Sequential.trainStep): the run's seed and the step, from
   * which Dropout draws its mask. Null: inference, where Dropout is the identity, as Keras's.
   */
  training: { seed: number; step: number } | null = null;

  constructor(
    readonly backend: Backend,
    /** false for inference: ops run but nothing is recorded for backward. */
    readonly recordsGrad = true,
  ) {}

  alloc(length: number): Storage {
    const storage = this.backend.alloc(length);
    this.allocations.push(storage);
    return storage;
  }

  /** Storage for `input`'s gradient: its gradTarget the first time it gets one, else a temporary. */
  gradFor(input: Tensor, length: number): Storage {
    return input.gradTarget && !input.grad ? input.gradTarget : this.alloc(length);
  }

  /** Records that this gradient has its tensor's ReLU mask applied already (the mask is idempotent). */
  markMasked(grad: Storage): void {
    this.masked.add(grad);
  }

  isMasked(grad: Storage | null): boolean {
    return grad !== null && this.masked.has(grad);
  }

  tensor(shape: readonly number[], requiresGrad: boolean): Tensor {
    const size = shape.reduce((a, b) => a * b, 1);
    return new Tensor(this.backend, shape, this.alloc(size), requiresGrad && this.recordsGrad);
  }

  record(output: Tensor, inputs: Tensor[], backward: BackwardFn): void {
    if (this.recordsGrad && output.requiresGrad) this.entries.push({ output, inputs, backward });
  }

  /** Fills .grad of every tensor that requires it, starting from a loss (seed gradient 1). */
  backward(loss: Tensor): void {
    if (this.entries.at(-1)?.output !== loss)
      throw new Error('backward() must start from the last recorded op (the loss)');
    this.propagate(this.entries.length - 1, loss);
  }

  /**
   * Backward from a tensor that is not a loss, given its gradient `seed` (same shape): the gradients
   * of Σ seed ⊙ output. A one-hot seed on the logits gives one class score's gradient (saliency).
   */
  backwardFrom(output: Tensor, seed: Storage): void {
    const last = this.entries.findLastIndex((e) => e.output === output);
    if (last < 0) throw new Error('backwardFrom() needs a recorded output that requires grad');
    output.grad = new Tensor(this.backend, output.shape, seed);
    this.propagate(last, null);
  }

  private propagate(from: number, loss: Tensor | null): void {
    for (let i = from; i >= 0; i--) {
      const { output, inputs, backward } = this.entries[i];
      if (output !== loss && !output.grad) continue; // nothing flowed back to this op
      const grads = backward(output === loss ? null : (output.grad as Tensor).storage);
      inputs.forEach((input, k) => {
        const grad = grads[k];
        if (!grad || !input.requiresGrad) return;
        if (!input.grad) {
          input.grad = new Tensor(this.backend, input.shape, grad);
        } else {
          // A tensor used twice: gradients accumulate; the sum is masked only if both parts were.
          this.backend.add(input.grad.storage, grad, input.size);
          if (!this.masked.has(grad)) this.masked.delete(input.grad.storage);
        }
      });
    }
  }

  /** Frees every temporary and gradient this tape allocated, newest first. */
  release(): void {
    for (const entry of this.entries) for (const input of entry.inputs) input.grad = null;
    this.entries.length = 0;
    this.masked.clear();
    for (let i = this.allocations.length - 1; i >= 0; i--) this.backend.free(this.allocations[i]);
    this.allocations.length = 0;
  }
}
