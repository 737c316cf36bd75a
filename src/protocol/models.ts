// The models both sides speak of: a checkpoint (weights and optimizer state), a Dense stack
// (an imported model), and the model as export describes it.
import type { Activation } from './layers';
import type { Settings } from './settings';

/**
 * Weights and optimizer state copied off the GPU (src/worker/checkpoint.ts takes and restores
 * them): what survives a lost device, what a diverged run goes back to, what a saved run keeps.
 */
export interface Checkpoint {
  settings: Settings;
  /** Epochs the weights had trained when it was taken (0: the start of a run, or no run). */
  epoch: number;
  /** false for the seeded initial weights of a model that never trained. */
  trained: boolean;
  weights: Float32Array[];
  /**
   * The optimizer's arrays per weight, in its order (RMSprop: the mean square; SGD with
   * momentum: the velocity; Adam: m, then v); null before its first step, for plain SGD, and for a
   * weight that is not trained (BatchNormalization's moving statistics).
   */
  optimizerState: (Float32Array[] | null)[];
  /** Optimizer steps taken (Adam's bias correction needs them; 0 in runs saved before they were kept). */
  iterations: number;
  /** The learning rate changes made during the run up to here (runs saved before they existed have none). */
  rateChanges?: RateChange[];
  /**
   * Early stopping's count up to here, so that a resumed run counts on as the whole run would; with
   * the best epoch's weights when a saved run sends them. Absent without early stopping.
   */
  earlyStopping?: EarlyStoppingProgress & { bestWeights?: Float32Array[] };
}

/** What early stopping has seen (src/nn/earlyStopping.ts): the lowest held-out loss, its epoch, epochs since. */
export interface EarlyStoppingProgress {
  best: number;
  bestEpoch: number;
  wait: number;
}

/**
 * The learning rate changed during a run: `rate` (the learning rate; saved runs and files spell it
 * so) is in effect from the batch after `step` batches.
 */
export interface RateChange {
  step: number;
  rate: number;
}

/** One Dense layer of a stack: the architecture part of a model, without its weights. */
export interface DenseSpec {
  units: number;
  activation: Activation;
  /** The rate of a Dropout layer just before this one (none at inference; files keep it). */
  dropoutBefore?: number;
  /** Keras's kernel_regularizer, L1L2 (training only; files keep it). */
  kernelRegularizer?: { l1: number; l2: number };
  /** A BatchNormalization after it: its gamma, beta, moving_mean, moving_variance follow the bias. */
  batchNormAfter?: boolean;
}

/** A Dense stack with its weights in our order: kernel [in, out] row-major (as Keras), then bias. */
export interface DenseStack {
  inputDim: number;
  layers: DenseSpec[];
  weights: Float32Array[];
  /**
   * What trained it, when this app did ("Adam", and the run's learning rate; SGD's momentum and
   * Nesterov when it had momentum); export writes it down.
   */
  trainedWith?: { optimizer: string; learningRate: number; momentum?: number; nesterov?: boolean };
}

/** One layer of a model as export describes it, the output layer included (Keras's layers). */
export type ExportedLayer =
  | { kind: 'dense'; units: number; activation: Activation; kernelRegularizer?: { l1: number; l2: number } }
  | {
      kind: 'conv';
      filters: number;
      activation: 'relu' | 'linear';
      kernelRegularizer?: { l1: number; l2: number };
    }
  | { kind: 'pool' }
  | { kind: 'flatten' }
  | { kind: 'dropout'; rate: number }
  /** Keras's BatchNormalization(): its weights are gamma, beta, moving_mean, moving_variance. */
  | { kind: 'batchNorm' };

/** The model that answers drawings, for the downloads: what the page writes as TF.js or safetensors files. */
export interface ExportedModel {
  /** Without the batch: [784] for flat images, [28, 28, 1] (height, width, channels) for images. */
  inputShape: number[];
  layers: ExportedLayer[];
  /** Kernel, then bias, of each Dense and Conv2D layer in order, in Keras's layouts ([in, out]; [3, 3, in, out]). */
  weights: Float32Array[];
  /** The settings it was built and trained with; null for an imported model. */
  settings: Settings | null;
}
