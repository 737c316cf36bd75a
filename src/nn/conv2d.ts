import type { Backend } from '../backend/backend';
import { conv2d } from '../engine/convOps';
import { biasAdd, reshape } from '../engine/ops';
import type { Tape } from '../engine/tape';
import { Tensor } from '../engine/tensor';
import type { Layer } from './layer';
import type { Random } from './random';
import { checkRegularizer, type KernelRegularizer } from './regularization';

export interface Conv2DConfig {
  activation?: 'relu' | 'linear';
  /** [height, width, channels], needed on the first layer only. */
  inputShape?: [number, number, number];
  /** Keras's kernel_regularizer (L1L2): its penalty joins the loss, its gradient the update. */
  kernelRegularizer?: KernelRegularizer;
}

/**
 * Keras's Conv2D(filters, (3, 3)): stride 1, valid padding, channels last. The kernel is
 * [3, 3, inChannels, filters] as in Keras, Glorot-uniform with Keras's fans for convolutions
 * (fanIn = 9·inChannels, fanOut = 9·filters); the bias starts at zero.
 */
export class Conv2D implements Layer {
  readonly kind = 'Conv2D';
  readonly activation: 'relu' | 'linear';
  inputShape: readonly number[] | null;
  kernel: Tensor | null = null;
  bias: Tensor | null = null;
  readonly kernelRegularizer?: KernelRegularizer;

  constructor(
    readonly filters: number,
    config: Conv2DConfig = {},
  ) {
    if (!Number.isInteger(filters) || filters < 1)
      throw new Error(`Conv2D: filters must be a positive integer, got ${filters}`);
    this.activation = config.activation ?? 'linear';
    checkRegularizer('Conv2D', config.kernelRegularizer);
    this.kernelRegularizer = config.kernelRegularizer;
    this.inputShape = config.inputShape ?? null;
  }

  build(backend: Backend, inputShape: readonly number[], random: Random): number[] {
    const [height, width, channels] = inputShape;
    if (inputShape.length !== 3)
      throw new Error(`Conv2D: expects [height, width, channels], got [${inputShape}]`);
    if (height < 3 || width < 3)
      throw new Error(`Conv2D: a ${height}x${width} input is smaller than its 3x3 kernel`);
    this.inputShape = inputShape;
    const limit = Math.sqrt(6 / (9 * channels + 9 * this.filters));
    const values = Float32Array.from({ length: 9 * channels * this.filters }, () =>
      random.uniform(-limit, limit),
    );
    this.kernel = Tensor.from(backend, [3, 3, channels, this.filters], values, true);
    this.bias = Tensor.from(backend, [this.filters], new Float32Array(this.filters), true);
    return [height - 2, width - 2, this.filters];
  }

  get parameters(): Tensor[] {
    if (!this.kernel || !this.bias)
      throw new Error('Conv2D: the layer is not built yet (compile the model first)');
    return [this.kernel, this.bias];
  }

  get parameterCount(): number {
    return (9 * (this.inputShape?.[2] ?? 0) + 1) * this.filters;
  }

  /** The convolution, then bias and ReLU fused over the [pixels, filters] view of its output. */
  forward(tape: Tape, x: Tensor): Tensor {
    const [kernel, bias] = this.parameters;
    const y = conv2d(tape, x, kernel);
    const [batch, height, width, filters] = y.shape;
    const rows = reshape(tape, y, [batch * height * width, filters]);
    return reshape(tape, biasAdd(tape, rows, bias, this.activation === 'relu'), y.shape);
  }

  dispose(): void {
    this.kernel?.dispose();
    this.bias?.dispose();
    this.kernel = this.bias = null;
  }
}
