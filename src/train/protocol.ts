// Messages between the page and the training worker. Every message has a `type`.
import type { BatchLogs, EpochLogs, Evaluation } from '../nn/sequential';
import type { Settings } from './settings';

export type ToWorker =
  | { type: 'init'; dataUrl: string }
  | { type: 'train'; settings: Settings }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'stop' }
  | { type: 'predict'; id: number; pixels: Float32Array };

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
  secondsLeft: number | null;
}

export type FromWorker =
  | { type: 'loading'; loadedBytes: number; totalBytes: number; file: string }
  | {
      type: 'ready';
      adapter: string;
      matmulVariant: string;
      samples: SampleImages;
      trainCount: number;
      testCount: number;
    }
  | { type: 'started'; settings: Settings; parameterCount: number }
  | { type: 'batch'; logs: BatchLogs; progress: Progress }
  | { type: 'evaluating'; epoch: number }
  | { type: 'epoch'; logs: EpochLogs; test: Evaluation; progress: Progress }
  | { type: 'paused' }
  | { type: 'resumed' }
  | { type: 'done'; test: Evaluation | null; stopped: boolean; seconds: number }
  | { type: 'prediction'; id: number; probabilities: Float32Array; trained: boolean }
  /** fatal: the worker cannot go on (no WebGPU, data failed); otherwise the run ended with it. */
  | {
      type: 'error';
      kind: 'webgpu' | 'data' | 'diverged' | 'device' | 'training';
      message: string;
      fatal: boolean;
    };
