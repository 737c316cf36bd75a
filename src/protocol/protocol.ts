// Messages between the page and the training worker. Every message has a `type`.
// This folder (protocol.ts, settings.ts, memory.ts, and the vocabulary: layers.ts, models.ts,
// optimizers.ts, reports.ts) is the only code both sides import: the worker (src/worker/) and the
// page (src/page/, src/ui/) never import each other.

import type { BrowseAnswer, BrowseRequest } from './browse';
import type { DatasetInUse, UseDatasetRequest } from './dataset';
import type { Checkpoint, DenseStack, ExportedModel, RateChange } from './models';
import type { FineTuneReport, FineTuneRequest, TrainingDigits } from './myDigits';
import type { BatchLogs, EarlyStop, EpochLogs, Evaluation, RatePoint, StepInspection } from './reports';
import type { Settings } from './settings';
import type { SpeedrunProgress, SpeedrunRequest } from './speedrun';

export type { Checkpoint, DenseSpec, DenseStack, ExportedLayer, ExportedModel, RateChange } from './models';

/** What the run going on is told while it runs. */
export type RunCommand =
  /** A new learning rate for the run going on, from its next batch. */
  | { type: 'setLearningRate'; learningRate: number }
  | { type: 'pause' }
  | { type: 'resume' }
  /**
   * Step mode: a paused run trains exactly one batch (its next) and stays paused; answered by
   * 'stepped' with the same id, or 'refused' (no run is paused, or a step is going on).
   */
  | { type: 'step'; requestId: number };

export type ToWorker =
  /** Another data set, or MNIST again (dataset.ts). */
  | UseDatasetRequest
  /** The Speedrun preset (speedrun.ts); stop ends it. */
  | SpeedrunRequest
  /** The user's digits: those for training, and fine-tunes on them (myDigits.ts). */
  | TrainingDigits
  | FineTuneRequest
  | { type: 'init'; dataUrl: string }
  /** Downloads the data again after a failure. */
  | { type: 'retryData' }
  | { type: 'train'; settings: Settings }
  /** The learning-rate finder: a short sweep from fresh weights with these settings ('stop' ends it). */
  | { type: 'findRate'; settings: Settings }
  | RunCommand
  | { type: 'stop' }
  /** After the device was lost: a new device, the last checkpoint on it, and the run goes on. */
  | { type: 'recover' }
  /** The pad's drawing (784 inputs in [0, 1]) to read: a 'reading' with the same id answers. */
  | { type: 'read'; id: number; drawing: Float32Array }
  /** The user's test digits (784 inputs each) read by the model answering drawings: 'digitsRead'. */
  | { type: 'readDigits'; id: number; pixels: Float32Array }
  /** Test images from the last evaluation, chosen by `query` (the confusion matrix's gallery). */
  | { type: 'gallery'; id: number; query: GalleryQuery }
  /** A page of the training or test images, for the Training data panel (src/protocol/browse.ts). */
  | BrowseRequest
  /**
   * A saved run's weights become the model that answers drawings. `requestId` comes back on
   * 'loaded', or on 'refused' (a run is going on, or the checkpoint does not fit its settings).
   */
  | { type: 'open'; checkpoint: Checkpoint; requestId: number }
  /** A saved run goes on training from its checkpoint (the epoch after it, same data order); as 'open'. */
  | { type: 'continue'; checkpoint: Checkpoint; requestId: number }
  /** An imported model (TensorFlow.js format) answers drawings. */
  | { type: 'import'; stack: DenseStack }
  /**
   * The model that answers drawings, outside a run, on the whole test set: 'evaluationProgress' as
   * it goes, then 'evaluated' (or 'evaluationFailed', and why), each with `requestId`.
   */
  | { type: 'evaluate'; requestId: number }
  /** A random test image for the drawing pad, answered by 'testImage' with the same id. */
  | { type: 'testImage'; id: number }
  /** Asks for the current model's layers and weights, answered by 'exported' with the same id. */
  | { type: 'export'; id: number }
  /**
   * Test hooks: the page never sends these; end-to-end tests dispatch them inside the worker
   * (tests/e2e/helpers.ts, sendToWorker). Each does something real to the real device:
   * device.destroy(), which the trainer did not ask for, so it is a loss like a driver reset; or a
   * createBuffer the device must refuse (invalid usage; a buffer as large as maxBufferSize).
   */
  | { type: 'debug:loseDevice' }
  | { type: 'debug:gpuError'; error: 'validation' | 'out-of-memory' }
  /**
   * Test hook: the run going on (or the learning-rate finder's sweep; if none, the next of them)
   * stalls before it trains batch `step` (counted from its start): still training as far as the page
   * knows, it goes no further until Pause, Stop or a lost device. Tests act on a run held so, never
   * on one they hope is still going.
   */
  | { type: 'debug:holdAt'; step: number };

/** Where a run stalls for a test ('debug:holdAt'). */
export type RunHold = { step: number };

/** The test hooks above: the page never sends them. */
export type TestHook = Extract<ToWorker, { type: `debug:${string}` }>;

/** A confusion-matrix cell (true label, predicted class), or every mistake. */
export type GalleryQuery = { kind: 'cell'; label: number; predicted: number } | { kind: 'mistakes' };

export interface GalleryItem {
  /** Index in the test set. */
  index: number;
  label: number;
  predicted: number;
  /** The three most probable classes, most probable first. */
  top: { digit: number; probability: number }[];
}

export interface SampleImages {
  /** count x 784 bytes. */
  pixels: Uint8Array;
  labels: number[];
}

export interface Progress {
  epoch: number;
  epochs: number;
  batch: number;
  batches: number;
  imagesPerSecond: number;
  /** Evaluations to come included. */
  secondsLeft: number | null;
  /** The share of the run's estimated time done, its evaluations included (0 to 1); absent: by batches. */
  fraction?: number;
}

/** The buffer pool's bytes: handed out now, and owned (in use plus free for reuse). */
export interface GpuMemory {
  bytesInUse: number;
  bytesOwned: number;
  /** The uniform-buffer cache beside the pool: buffers held (bounded) and their bytes. */
  uniformBuffers: number;
  uniformBytes: number;
}

export type ErrorKind =
  /** No WebGPU at all (fatal). */
  | 'webgpu'
  /** A data file is missing, truncated or corrupt, or its download failed; `file` names it. */
  | 'data'
  | 'diverged'
  /** A validation or out-of-memory error reported by the device. */
  | 'gpu'
  /** The model would not fit on this device: refused before anything was allocated. */
  | 'tooLarge'
  /** The device could not be set up, or recovered. */
  | 'device'
  | 'training';

export type FromWorker =
  | DatasetInUse
  | SpeedrunProgress
  | FineTuneReport
  /** A device (first or new): the model on it answers drawings, even before the data arrives. */
  /** fallback: a software adapter (WebGPU on the CPU, tens of times slower than a GPU). */
  | { type: 'gpu'; adapter: string; fallback?: boolean; matmulVariant: string; memory: GpuMemory }
  | { type: 'loading'; loadedBytes: number; totalBytes: number; file: string }
  | {
      type: 'ready';
      samples: SampleImages;
      trainCount: number;
      testCount: number;
      memory: GpuMemory;
    }
  | { type: 'started'; settings: Settings; parameterCount: number }
  | { type: 'batch'; logs: BatchLogs; progress: Progress; memory: GpuMemory }
  /**
   * An epoch's evaluation going on: `done` of its `total` images so far, and the run's progress with
   * it; `finalTest`: the test set at a validated run's end (each epoch's were the validation images).
   */
  | {
      type: 'evaluating';
      epoch: number;
      done?: number;
      total?: number;
      progress?: Progress;
      finalTest?: boolean;
    }
  /** The test set's confusion matrix after an epoch ([classes, classes], rows true, columns predicted). */
  | { type: 'confusion'; epoch: number; classes: number; matrix: Uint32Array }
  /** Test images for a gallery query: at most `limit` of its `total`, most confident first; 784 bytes each. */
  | {
      type: 'gallery';
      id: number;
      query: GalleryQuery;
      total: number;
      items: GalleryItem[];
      pixels: Uint8Array;
    }
  /**
   * The first layer's weights [inputs, units] during a run (a few times per epoch), after `step`
   * batches; null when the model's first layer is not Dense (no per-unit image).
   */
  | { type: 'units'; step: number; inputs: number; units: number; weights: Float32Array | null }
  | {
      type: 'epoch';
      logs: EpochLogs;
      /** The held-out figures: the validation images' when the run has them, else the test set's. */
      test: Evaluation;
      progress: Progress;
      memory: GpuMemory;
      /** The test set, measured once at the end of a validated run or on the weights early stopping kept. */
      finalTest?: Evaluation;
      earlyStop?: EarlyStop;
    }
  | { type: 'paused' }
  | { type: 'resumed' }
  | { type: 'rateChanged'; change: RateChange }
  /** A step's batch was trained (and reported by 'batch' just before): what it did to its loss and weights. */
  | { type: 'stepped'; requestId: number; inspection: StepInspection }
  /** The finder's points so far; the last one has done, and the suggested rate or why there is none. */
  | {
      type: 'rateFinder';
      points: RatePoint[];
      steps: number;
      done: boolean;
      suggestion: number | null;
      error?: string;
    }
  | { type: 'done'; test: Evaluation | null; stopped: boolean; seconds: number; memory: GpuMemory }
  | {
      /** What the model reads in a drawing ('read'), and why: its explanation. */
      type: 'reading';
      id: number;
      probabilities: Float32Array;
      trained: boolean;
      /** 'cpu' while the GPU is lost: the last checkpoint answers on the CPU. */
      on: 'gpu' | 'cpu';
      /** null when answered on the CPU. */
      memory: GpuMemory | null;
      /** The explanation: [classes, 784], row c = d logit_c / d pixel (the saliency view). */
      saliency: Float32Array;
      /** Each hidden layer's output for the drawing, flat (the network picture). */
      activations: Float32Array[];
      /** The output layer's kernel [units before it, classes]: the digits each of those units favours; null: not Dense. */
      outgoing?: Float32Array | null;
    }
  /**
   * The device is gone. `checkpointEpoch`: the epochs the kept weights have trained (0: the run's
   * start); `interrupted`: a run was going on and `recover` continues it from there.
   */
  | { type: 'lost'; message: string; checkpointEpoch: number | null; interrupted: boolean }
  | { type: 'recovering' }
  /** A recovered run goes on from the checkpoint taken after `epoch` epochs. */
  | { type: 'restored'; epoch: number }
  | { type: 'memory'; memory: GpuMemory }
  /** A run's checkpoint at an epoch's end (what autosave keeps), with each array's shape. */
  | { type: 'checkpoint'; checkpoint: Checkpoint; shapes: number[][] }
  /** An opened or imported model now answers drawings; `settings` is null for an imported one. */
  | { type: 'loaded'; settings: Settings | null; parameterCount: number; epoch: number; requestId?: number }
  /** A saved run goes on from `epoch` (its charts up to there come from the saved record). */
  | { type: 'continued'; settings: Settings; parameterCount: number; epoch: number; requestId: number }
  /** An 'open' or 'continue' that was not carried out, and why; nothing changed in the worker. */
  | { type: 'refused'; requestId: number; message: string }
  | { type: 'exported'; id: number; model: ExportedModel | null; error?: string }
  /** Test images evaluated so far by an 'evaluate'. */
  | { type: 'evaluationProgress'; requestId: number; done: number; total: number }
  /**
   * An 'evaluate' done: the test loss and accuracy, the confusion matrix (`epoch`: the epochs the
   * model had trained, less one, as in 'confusion'; null when not known, as for an imported model),
   * and the first layer's weights for the unit tiles (weights null when it is not Dense).
   */
  | {
      type: 'evaluated';
      requestId: number;
      test: Evaluation;
      confusion: { epoch: number | null; classes: number; matrix: Uint32Array };
      units: { inputs: number; units: number; weights: Float32Array | null };
    }
  | { type: 'evaluationFailed'; requestId: number; message: string }
  /** The digit each image of 'readDigits' is read as (255: no reading); null and why if it failed. */
  | {
      type: 'digitsRead';
      id: number;
      digits: Uint8Array | null;
      error?: string;
      /** [count, classes]: each image's probabilities (the galleries of your digits' mistakes). */
      probabilities?: Float32Array;
    }
  /** A test image for the pad: its index in the test set (from 0), its label, its 784 bytes. */
  | { type: 'testImage'; id: number; index: number; label: number; pixels: Uint8Array }
  | BrowseAnswer
  /** fatal: the worker cannot go on (no WebGPU); otherwise the page stays usable. */
  | { type: 'error'; kind: ErrorKind; message: string; fatal: boolean; file?: string };
