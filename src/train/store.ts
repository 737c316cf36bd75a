// Turns the worker's messages into immutable snapshots for the UI (read with useSyncExternalStore).
// A snapshot object is replaced only when something changed, never mutated.
import type { EpochLogs, Evaluation } from '../nn/sequential';
import type { FromWorker, GalleryItem, GalleryQuery, GpuMemory, Progress, SampleImages } from './protocol';
import type { Settings } from './settings';

export type Phase =
  | 'starting'
  | 'loading'
  /** The data could not be loaded; Retry. The drawing pad still works. */
  | 'noData'
  | 'ready'
  | 'training'
  | 'paused'
  | 'stopping'
  /** The GPU device is gone; a checkpoint answers drawings on the CPU until `recover`. */
  | 'lost'
  | 'recovering'
  | 'failed';

export interface CurvePoint {
  /** Batches seen since the run began (across epochs), at the end of this point. */
  step: number;
  /** Means over the batches this point covers. */
  loss: number;
  accuracy: number;
  batches: number;
  /** Metrics reports merged into this point (see MAX_CURVE_POINTS). */
  reports: number;
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
  /** The adapter is a software fallback: training runs on the CPU (see SoftwareAdapterNotice). */
  fallbackAdapter: boolean;
  matmulVariant: string | null;
  samples: SampleImages | null;
  runSettings: Settings | null;
  parameterCount: number | null;
  progress: Progress | null;
  evaluating: boolean;
  curve: CurvePoint[];
  /** Reports per curve point: doubles each time the curve is halved. */
  curveStride: number;
  epochs: EpochPoint[];
  finalTest: Evaluation | null;
  runSeconds: number | null;
  stopped: boolean;
  /** The last error; fatal ones put the page in the 'failed' phase. */
  error: { kind: string; message: string; fatal: boolean } | null;
  /** Why the data is not there (phase 'noData'). */
  dataError: { file: string | null; message: string } | null;
  /** Why the device is gone, and what was kept (phases 'lost' and 'recovering'). */
  lost: { message: string; checkpointEpoch: number | null; interrupted: boolean } | null;
  memory: GpuMemory | null;
  prediction: {
    id: number;
    probabilities: Float32Array;
    trained: boolean;
    on: 'gpu' | 'cpu';
    /** [classes, 784]: d logit_c / d pixel, when the prediction was asked to explain itself. */
    gradients: Float32Array | null;
  } | null;
  /** The last epoch's confusion matrix over the test set. */
  confusion: { epoch: number; classes: number; matrix: Uint32Array } | null;
  /** The last gallery the worker sent (the page shows it if it is the one it asked for last). */
  gallery: {
    id: number;
    query: GalleryQuery;
    total: number;
    items: GalleryItem[];
    pixels: Uint8Array;
  } | null;
  /** The run's first-layer weights, [inputs, units], as last read; weights null: not a Dense layer. */
  units: { step: number; inputs: number; units: number; weights: Float32Array | null } | null;
  /** The first weights read in this run (its start): what the units learned is the change from them. */
  unitsAtStart: Float32Array | null;
}

export const initialSnapshot: Snapshot = {
  phase: 'starting',
  loading: null,
  adapter: null,
  fallbackAdapter: false,
  matmulVariant: null,
  samples: null,
  runSettings: null,
  parameterCount: null,
  progress: null,
  evaluating: false,
  curve: [],
  curveStride: 1,
  epochs: [],
  finalTest: null,
  runSeconds: null,
  stopped: false,
  error: null,
  dataError: null,
  lost: null,
  memory: null,
  prediction: null,
  confusion: null,
  gallery: null,
  units: null,
  unitsAtStart: null,
};

/**
 * Points kept per chart. Past this, neighbouring points are merged in pairs (their means weighted by
 * batches), so a long run keeps its whole history at an even, coarser resolution in bounded memory.
 */
export const MAX_CURVE_POINTS = 400;

function merge(a: CurvePoint, b: CurvePoint): CurvePoint {
  const batches = a.batches + b.batches;
  return {
    step: b.step,
    loss: (a.loss * a.batches + b.loss * b.batches) / batches,
    accuracy: (a.accuracy * a.batches + b.accuracy * b.batches) / batches,
    batches,
    reports: a.reports + b.reports,
  };
}

/** Adds a report: into the last point while it holds fewer than `stride` reports, else as a new one. */
export function addToCurve(
  curve: CurvePoint[],
  stride: number,
  point: CurvePoint,
): { curve: CurvePoint[]; stride: number } {
  const last = curve.at(-1);
  let next = last && last.reports < stride ? [...curve.slice(0, -1), merge(last, point)] : [...curve, point];
  if (next.length <= MAX_CURVE_POINTS) return { curve: next, stride };
  const halved: CurvePoint[] = [];
  for (let i = 0; i < next.length; i += 2)
    halved.push(i + 1 < next.length ? merge(next[i], next[i + 1]) : next[i]);
  next = halved;
  return { curve: next, stride: stride * 2 };
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

/** What the charts and result show when no run is shown. */
/** Views of a model that is no longer the one answering (another run was opened or imported). */
const NO_INSIGHT = {
  confusion: null,
  gallery: null,
  units: null,
  unitsAtStart: null,
} satisfies Partial<Snapshot>;

const NO_RUN = {
  runSettings: null,
  progress: null,
  curve: [],
  curveStride: 1,
  epochs: [],
  finalTest: null,
  runSeconds: null,
  stopped: false,
} satisfies Partial<Snapshot>;

export function batchesPerEpoch(settings: Settings): number {
  return Math.ceil(settings.train / settings.batchSize);
}

/**
 * A saved run's charts and settings, shown when it is opened or resumed (the page's own transition,
 * with no worker message behind it). Its last test result stands as the run's result.
 */
export function withSavedHistory(
  s: Snapshot,
  settings: Settings,
  history: { curve: CurvePoint[]; curveStride: number; epochs: EpochPoint[] },
): Snapshot {
  const last = history.epochs.at(-1);
  // The charts' axis spans the planned run: its epochs and batches come from the progress.
  const batches = batchesPerEpoch(settings);
  const epoch = last?.epoch ?? 0;
  return {
    ...s,
    ...NO_RUN,
    runSettings: settings,
    progress: { epoch, epochs: settings.epochs, batch: 0, batches, imagesPerSecond: 0, secondsLeft: null },
    curve: history.curve,
    curveStride: history.curveStride,
    epochs: history.epochs,
    finalTest: last ? { loss: last.testLoss, accuracy: last.testAccuracy } : null,
  };
}

const RUNNING: readonly Phase[] = ['training', 'paused', 'stopping'];

/** The phase once the device is (again) usable: it depends on whether the data is there. */
function idlePhase(s: Snapshot): Phase {
  return s.samples ? 'ready' : s.dataError ? 'noData' : 'loading';
}

/** The pure state transition: one message in, the next snapshot out. */
export function reduce(s: Snapshot, m: FromWorker): Snapshot {
  switch (m.type) {
    case 'gpu': {
      // A recovered device with a run to go on with stays 'recovering' until 'restored' or 'started'.
      const resuming = s.phase === 'recovering' && s.lost?.interrupted === true;
      return {
        ...s,
        phase: resuming ? 'recovering' : idlePhase(s),
        adapter: m.adapter,
        fallbackAdapter: m.fallback === true,
        matmulVariant: m.matmulVariant,
        memory: m.memory,
        lost: resuming ? s.lost : null,
        error: s.error?.kind === 'device' ? null : s.error,
      };
    }
    case 'loading':
      return {
        ...s,
        phase: s.phase === 'starting' || s.phase === 'noData' ? 'loading' : s.phase,
        loading: { loadedBytes: m.loadedBytes, totalBytes: m.totalBytes },
        dataError: null,
      };
    case 'ready':
      return {
        ...s,
        phase: s.phase === 'loading' || s.phase === 'noData' || s.phase === 'starting' ? 'ready' : s.phase,
        loading: null,
        samples: m.samples,
        dataError: null,
        memory: m.memory,
      };
    case 'started':
      return {
        ...s,
        ...NO_RUN,
        ...NO_INSIGHT,
        phase: 'training',
        runSettings: m.settings,
        parameterCount: m.parameterCount,
        error: null,
        lost: null,
      };
    case 'batch': {
      const step = m.logs.epoch * m.logs.batches + m.logs.batch;
      const previous = s.curve.at(-1)?.step ?? 0;
      const point = {
        step,
        loss: m.logs.loss,
        accuracy: m.logs.accuracy,
        batches: step - previous,
        reports: 1,
      };
      const { curve, stride } = addToCurve(s.curve, s.curveStride, point);
      return { ...s, curve, curveStride: stride, progress: m.progress, evaluating: false, memory: m.memory };
    }
    case 'evaluating':
      return { ...s, evaluating: true };
    case 'epoch':
      return {
        ...s,
        evaluating: false,
        epochs: [...s.epochs, epochPoint(m.logs, m.test)],
        progress: m.progress,
        memory: m.memory,
      };
    case 'paused':
      return s.phase === 'training' ? { ...s, phase: 'paused' } : s;
    case 'resumed':
      return s.phase === 'paused' ? { ...s, phase: 'training' } : s;
    case 'done':
      return {
        ...s,
        phase: 'ready',
        evaluating: false,
        finalTest: m.test,
        runSeconds: m.seconds,
        stopped: m.stopped,
        memory: m.memory,
      };
    case 'prediction':
      return {
        ...s,
        prediction: {
          id: m.id,
          probabilities: m.probabilities,
          trained: m.trained,
          on: m.on,
          gradients: m.gradients ?? null,
        },
        memory: m.memory ?? s.memory,
      };
    case 'lost':
      return {
        ...s,
        phase: 'lost',
        evaluating: false,
        lost: { message: m.message, checkpointEpoch: m.checkpointEpoch, interrupted: m.interrupted },
        error: null,
      };
    case 'recovering':
      return { ...s, phase: 'recovering', error: null };
    case 'restored': {
      // The run goes on from the checkpoint: what was trained after it is trained again.
      const boundary = m.epoch * (s.progress?.batches ?? 0);
      return {
        ...s,
        phase: 'training',
        lost: null,
        curve: s.curve.filter((p) => p.step <= boundary),
        epochs: s.epochs.filter((e) => e.epoch <= m.epoch),
      };
    }
    case 'memory':
      return { ...s, memory: m.memory };
    case 'confusion':
      return { ...s, confusion: { epoch: m.epoch, classes: m.classes, matrix: m.matrix } };
    case 'gallery': {
      const { id, query, total, items, pixels } = m;
      return { ...s, gallery: { id, query, total, items, pixels } };
    }
    case 'units':
      return {
        ...s,
        units: { step: m.step, inputs: m.inputs, units: m.units, weights: m.weights },
        unitsAtStart: s.units ? s.unitsAtStart : m.weights,
      };
    case 'checkpoint':
    case 'exported':
      return s;
    case 'loaded':
      // An opened saved run brings its charts (withSavedHistory); an imported model has none.
      return m.settings
        ? { ...s, ...NO_INSIGHT, parameterCount: m.parameterCount, error: null }
        : { ...s, ...NO_RUN, ...NO_INSIGHT, parameterCount: m.parameterCount, error: null };
    case 'continued':
      return {
        ...s,
        ...NO_INSIGHT,
        phase: 'training',
        runSettings: m.settings,
        parameterCount: m.parameterCount,
        curve: s.curve.filter((p) => p.step <= m.epoch * batchesPerEpoch(m.settings)),
        epochs: s.epochs.filter((e) => e.epoch <= m.epoch),
        finalTest: null,
        runSeconds: null,
        stopped: false,
        error: null,
        lost: null,
      };
    case 'error': {
      const error = { kind: m.kind, message: m.message, fatal: m.fatal };
      if (m.fatal) return { ...s, phase: 'failed', evaluating: false, error };
      if (m.kind === 'data') {
        const phase = s.phase === 'loading' || s.phase === 'starting' ? 'noData' : s.phase;
        return { ...s, phase, loading: null, dataError: { file: m.file ?? null, message: m.message } };
      }
      const phase = RUNNING.includes(s.phase) ? 'ready' : s.phase === 'recovering' ? 'lost' : s.phase;
      return { ...s, phase, evaluating: false, error };
    }
  }
}
