import type { Backend } from '../backend/backend';
import { dense } from '../engine/ops';
import type { Tape } from '../engine/tape';
import { Tensor } from '../engine/tensor';
import type { Activation } from '../protocol/layers';
import type { Layer } from './layer';
import { glorotUniform, type Random } from './random';
import { checkRegularizer, type KernelRegularizer } from './regularization';

export type { Activation } from '../protocol/layers';

export interface DenseConfig {
  activation?: Activation;
  /** The input width, needed on the first layer only (Keras's inputShape: [784]). */
  inputShape?: [number];
  /** Keras's kernel_regularizer (L1L2): its penalty joins the loss, its gradient the update. */
  kernelRegularizer?: KernelRegularizer;
}

/** Keras's Dense: y = activation(x·W + b), W Glorot-uniform, b zeros. */
export class Dense implements Layer {
  readonly kind = 'Dense';
  readonly activation: Activation;
  inputDim: number | null;
  kernel: Tensor | null = null;
  bias: Tensor | null = null;
  readonly kernelRegularizer?: KernelRegularizer;

  constructor(
    readonly units: number,
    config: DenseConfig = {},
  ) {
    if (!Number.isInteger(units) || units < 1)
      throw new Error(`Dense: units must be a positive integer, got ${units}`);
    this.activation = config.activation ?? 'linear';
    checkRegularizer('Dense', config.kernelRegularizer);
    this.kernelRegularizer = config.kernelRegularizer;
    this.inputDim = config.inputShape?.[0] ?? null;
  }

  get inputShape(): [number] | null {
    return this.inputDim === null ? null : [this.inputDim];
  }

  build(backend: Backend, inputShape: readonly number[], random: Random): [number] {
    if (inputShape.length !== 1)
      throw new Error(`Dense: expects a flat input, got [${inputShape}] (add a Flatten layer before it)`);
    const inputDim = inputShape[0];
    this.inputDim = inputDim;
    this.kernel = Tensor.from(
      backend,
      [inputDim, this.units],
      glorotUniform(inputDim, this.units, random),
      true,
    );
    this.bias = Tensor.from(backend, [this.units], new Float32Array(this.units), true);
    return [this.units];
  }

  get parameters(): Tensor[] {
    if (!this.kernel || !this.bias)
      throw new Error('Dense: the layer is not built yet (compile the model first)');
    return [this.kernel, this.bias];
  }

  get parameterCount(): number {
    return ((this.inputDim ?? 0) + 1) * this.units;
  }

  /**
   * x·W + b with ReLU fused in, one matmul (ops.ts dense()). Softmax is not applied here: the model
   * fuses it with the loss in training and applies it on its own in predict().
   */
  forward(tape: Tape, x: Tensor): Tensor {
    const [kernel, bias] = this.parameters;
    return dense(tape, x, kernel, bias, this.activation === 'relu');
  }

  dispose(): void {
    this.kernel?.dispose();
    this.bias?.dispose();
    this.kernel = this.bias = null;
  }
}
