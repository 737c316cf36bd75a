// Turns the worker's messages into immutable snapshots for the UI (read with useSyncExternalStore).
// A snapshot object is replaced only when something changed, never mutated.
import type { EpochLogs, Evaluation } from '../nn/sequential';
import type { FromWorker, Progress, SampleImages } from './protocol';
import type { Settings } from './settings';

export type Phase = 'starting' | 'loading' | 'ready' | 'training' | 'paused' | 'stopping' | 'failed';

export interface CurvePoint {
  /** Batches seen since the run began (across epochs). */
  step: number;
  loss: number;
  accuracy: number;
}

export interface EpochPoint {
  epoch: number;
  trainLoss: number;
  trainAccuracy: number;
  testLoss: number;
  testAccuracy: number;
}

export interface Snapshot {
  phase: Phase;
  loading: { loadedBytes: number; totalBytes: number } | null;
  adapter: string | null;
  matmulVariant: string | null;
  samples: SampleImages | null;
  runSettings: Settings | null;
  parameterCount: number | null;
  progress: Progress | null;
  evaluating: boolean;
  curve: CurvePoint[];
  epochs: EpochPoint[];
  finalTest: Evaluation | null;
  runSeconds: number | null;
  stopped: boolean;
  /** The last error; fatal ones put the page in the 'failed' phase. */
  error: { kind: string; message: string; fatal: boolean } | null;
  prediction: { id: number; probabilities: Float32Array; trained: boolean } | null;
}

export const initialSnapshot: Snapshot = {
  phase: 'starting',
  loading: null,
  adapter: null,
  matmulVariant: null,
  samples: null,
  runSettings: null,
  parameterCount: null,
  progress: null,
  evaluating: false,
  curve: [],
  epochs: [],
  finalTest: null,
  runSeconds: null,
  stopped: false,
  error: null,
  prediction: null,
};

/** Points kept per chart: older points are thinned (every other one dropped) past this. */
export const MAX_CURVE_POINTS = 400;

function thin(points: CurvePoint[]): CurvePoint[] {
  if (points.length <= MAX_CURVE_POINTS) return points;
  return points.filter((_, i) => i % 2 === 1 || i === points.length - 1);
}

function epochPoint(logs: EpochLogs, test: Evaluation): EpochPoint {
  return {
    epoch: logs.epoch + 1,
    trainLoss: logs.loss,
    trainAccuracy: logs.accuracy,
    testLoss: test.loss,
    testAccuracy: test.accuracy,
  };
}

/** The pure state transition: one message in, the next snapshot out. */
export function reduce(s: Snapshot, m: FromWorker): Snapshot {
  switch (m.type) {
    case 'loading':
      return { ...s, phase: 'loading', loading: { loadedBytes: m.loadedBytes, totalBytes: m.totalBytes } };
    case 'ready':
      return {
        ...s,
        phase: 'ready',
        loading: null,
        adapter: m.adapter,
        matmulVariant: m.matmulVariant,
        samples: m.samples,
      };
    case 'started':
      return {
        ...s,
        phase: 'training',
        runSettings: m.settings,
        parameterCount: m.parameterCount,
        progress: null,
        curve: [],
        epochs: [],
        finalTest: null,
        runSeconds: null,
        stopped: false,
        error: null,
      };
    case 'batch': {
      const step = m.logs.epoch * m.logs.batches + m.logs.batch;
      const curve = thin([...s.curve, { step, loss: m.logs.loss, accuracy: m.logs.accuracy }]);
      return { ...s, curve, progress: m.progress, evaluating: false };
    }
    case 'evaluating':
      return { ...s, evaluating: true };
    case 'epoch':
      return {
        ...s,
        evaluating: false,
        epochs: [...s.epochs, epochPoint(m.logs, m.test)],
        progress: m.progress,
      };
    case 'paused':
      return s.phase === 'stopping' ? s : { ...s, phase: 'paused' };
    case 'resumed':
      return s.phase === 'stopping' ? s : { ...s, phase: 'training' };
    case 'done':
      return {
        ...s,
        phase: 'ready',
        evaluating: false,
        finalTest: m.test,
        runSeconds: m.seconds,
        stopped: m.stopped,
      };
    case 'prediction':
      return { ...s, prediction: { id: m.id, probabilities: m.probabilities, trained: m.trained } };
    case 'error':
      return {
        ...s,
        phase: m.fatal
          ? 'failed'
          : s.phase === 'training' || s.phase === 'paused' || s.phase === 'stopping'
            ? 'ready'
            : s.phase,
        evaluating: false,
        error: { kind: m.kind, message: m.message, fatal: m.fatal },
      };
  }
}
