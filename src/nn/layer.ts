import type { Backend } from '../backend/backend';
import type { Tape } from '../engine/tape';
import type { Tensor } from '../engine/tensor';
import type { Random } from './random';
import type { KernelRegularizer } from './regularization';

/** What Sequential needs from a layer. Shapes leave out the batch, as in Keras. */
export interface Layer {
  /** Keras's class name: 'Dense', 'Conv2D', 'MaxPooling2D', 'Flatten'. */
  readonly kind: string;
  /** Declared on a first layer only, as Keras's inputShape. */
  readonly inputShape: readonly number[] | null;
  /** Only the last layer may use softmax (the model fuses it with the loss). */
  readonly activation?: string;
  /** Creates the parameters (seeded) for this input shape and returns the output shape. */
  build(backend: Backend, inputShape: readonly number[], random: Random): readonly number[];
  forward(tape: Tape, x: Tensor): Tensor;
  /** Empty for layers without weights. Throws before build() for layers with them. */
  readonly parameters: Tensor[];
  readonly parameterCount: number;
  /** Keras's non-trainable weights (BatchNormalization's moving statistics): saved, never trained. */
  readonly state?: Tensor[];
  /** Keras's kernel_regularizer, on the first of `parameters` (Dense and Conv2D's kernel). */
  readonly kernelRegularizer?: KernelRegularizer;
  dispose(): void;
}
