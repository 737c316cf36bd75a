// What every benchmarked engine shares: the settings, the result row, the FLOP count and timing helpers.

export const BATCH = 128;
export const HIDDEN = 512;
export const INPUT = 784;
export const CLASSES = 10;
/** Steps per timed block: a block is one fit() over BLOCK_STEPS * BATCH images, ended by a sync. */
export const BLOCK_STEPS = 10;
export const EVAL_BATCH = 1000;
/** Timed blocks run even past the budget: a median needs a few. */
export const MIN_BLOCKS = 3;

/** 'mlp': the book's chapter 2 network (the default); 'convnet': its first-edition ConvNet (third edition: chapter 8). */
export type BenchModel = 'mlp' | 'convnet';

export interface BenchSettings {
  model: BenchModel;
  /** Timed steps, rounded up to whole blocks. */
  steps: number;
  /** Untimed steps after the first one, before the timed blocks. */
  warmup: number;
  /** Seconds of timed blocks per engine: past it, a slow engine stops after MIN_BLOCKS blocks. */
  budgetSeconds: number;
  fullEpoch: boolean;
}

/** The data every engine gets, as loaded from public/mnist/ (bytes; each engine scales by 1/255). */
export interface BenchData {
  trainPixels: Uint8Array;
  trainLabels: Uint8Array;
  testPixels: Uint8Array;
  testLabels: Uint8Array;
}

export interface BenchRow {
  /** 'ours', 'tfjs-wasm', 'tfjs-webgl' or 'tfjs-webgpu'. */
  name: string;
  status: 'ok' | 'unavailable' | 'failed';
  reason?: string;
  /** Adapter, renderer or wasm flavour. */
  info?: string;
  /** Device creation (ours) or tf.setBackend + tf.ready (TF.js). */
  initMs?: number;
  /** Model creation + compile (+ our matmul tuning) to the end of the first step, synced. */
  coldMs?: number;
  /** Our tuneMatmul, included in coldMs. */
  tuneMs?: number;
  /** Each timed block of BLOCK_STEPS steps, synced at its end. */
  blockMs?: number[];
  /** Median block / BLOCK_STEPS. */
  stepMs?: number;
  stepGflops?: number;
  /** Training loss over the last timed block (the same data in every engine, a sanity check). */
  lastBlockLoss?: number;
  epochMs?: number;
  epochError?: string;
  /** evaluate() on the 10,000 test images, after one on the first EVAL_BATCH of them (compiles). */
  evalMs?: number;
  testLoss?: number;
  testAccuracy?: number;
  /** GPU ms and dispatches per training step, by kernel id, when the engine can profile. */
  kernelMs?: Record<string, number>;
  kernelCalls?: Record<string, number>;
  kernelNote?: string;
  /** Ours only: per training step over one block of BLOCK_STEPS, its metrics read included. */
  dispatchesPerStep?: number;
  submitsPerStep?: number;
}

/**
 * Matmul FLOPs of one training step (bias, ReLU, softmax and RMSprop are O(B·N) and left out):
 * forward x·W1 and h·W2, weight gradients xᵀ·dZ1 and hᵀ·dZ2, and the hidden layer's input gradient
 * dZ2·W2ᵀ. The input's own gradient (dZ1·W1ᵀ) is computed by no engine here, so it is not counted.
 *   2·B·(2·784·512 + 3·512·10) = 209,453,056 for B = 128
 */
export const STEP_FLOPS = 2 * BATCH * (2 * INPUT * HIDDEN + 3 * HIDDEN * CLASSES);
export const STEP_FLOPS_FORMULA = '2*B*(2*784*512 + 3*512*10), B = 128';

/**
 * The ConvNet's FLOPs per image and step: every layer's forward and weight gradient (equal counts),
 * plus the input gradients of all layers but the first. Per image: forward 2·(676·32·9 + 121·64·288
 * + 9·64·576 + 576·64 + 64·10) = 5,588,480; input gradients 5,199,104; 16,376,064 in all.
 */
const CONVNET_IMAGE_FLOPS = 2 * 5_588_480 + 5_199_104;

/** Batch and FLOPs per training step of each benchmarked model. */
export const MODELS: Record<BenchModel, { batch: number; stepFlops: number; formula: string }> = {
  mlp: { batch: BATCH, stepFlops: STEP_FLOPS, formula: STEP_FLOPS_FORMULA },
  convnet: {
    batch: 64,
    stepFlops: 64 * CONVNET_IMAGE_FLOPS,
    formula: 'B*(2*forward + input gradients) = 64*16,376,064 (convolutions counted as dense MACs)',
  },
};

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Runs `fn` and returns how long it took, in ms, with its result. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

/** Whole blocks covering `steps` (the page rounds the timed steps up to at least one block). */
export const blockCount = (steps: number) => Math.ceil(steps / BLOCK_STEPS);

/**
 * Times calls of `runBlock` (each must end synced) and fills the row's step figures: as many blocks as
 * cover settings.steps, or at least MIN_BLOCKS once settings.budgetSeconds of them have gone by.
 */
export async function timeBlocks(
  row: BenchRow,
  settings: BenchSettings,
  runBlock: () => Promise<number>,
  log: (line: string) => void,
): Promise<void> {
  const blocks = blockCount(settings.steps);
  row.blockMs = [];
  let spent = 0;
  for (let i = 0; i < blocks && (i < MIN_BLOCKS || spent < settings.budgetSeconds * 1000); i++) {
    const { ms, value: loss } = await timed(runBlock);
    row.blockMs.push(ms);
    spent += ms;
    row.lastBlockLoss = loss;
    log(`block ${i + 1}/${blocks}: ${(ms / BLOCK_STEPS).toFixed(1)} ms/step, loss ${loss.toFixed(4)}`);
  }
  row.stepMs = median(row.blockMs) / BLOCK_STEPS;
  row.stepGflops = MODELS[settings.model].stepFlops / (row.stepMs * 1e6);
}

export function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
