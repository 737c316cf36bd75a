// The page's phase and the run's state: its settings, progress and result, and the last error.

import type { Progress } from '../../protocol/protocol';
import type { Evaluation } from '../../protocol/reports';
import type { Settings } from '../../protocol/settings';
import { testResultOf } from '../heldOutResult';
import { epochBatches } from './charts';
import type { DataState } from './data';
import { type DeviceState, resumingOn } from './device';
import type { StoreEvent } from './events';

export type Phase =
  | 'starting'
  | 'loading'
  /** The data could not be loaded; Retry. The drawing pad still works. */
  | 'noData'
  | 'ready'
  | 'training'
  | 'paused'
  | 'stopping'
  /** The learning-rate finder's sweep: the device is busy, nothing is kept. */
  | 'finding'
  /** The GPU device is gone; a checkpoint answers drawings on the CPU until `recover`. */
  | 'lost'
  | 'recovering'
  | 'failed';

export interface RunState {
  phase: Phase;
  runSettings: Settings | null;
  parameterCount: number | null;
  progress: Progress | null;
  evaluating: boolean;
  /** Images the evaluation going on has done (read while `evaluating`). */
  evaluated: number;
  /** The evaluation going on is the test set at a validated run's end, not the validation images. */
  evaluatingFinalTest: boolean;
  finalTest: Evaluation | null;
  runSeconds: number | null;
  stopped: boolean;
  /** The last error; fatal ones put the page in the 'failed' phase. */
  error: { kind: string; message: string; fatal: boolean } | null;
}

/** What the run's result shows when no run is shown. */
const NO_RUN = {
  runSettings: null,
  progress: null,
  finalTest: null,
  runSeconds: null,
  stopped: false,
} satisfies Partial<RunState>;

export const initialRun: RunState = {
  ...NO_RUN,
  phase: 'starting',
  parameterCount: null,
  evaluating: false,
  evaluated: 0,
  evaluatingFinalTest: false,
  error: null,
};

const RUNNING: readonly Phase[] = ['training', 'paused', 'stopping'];

type Seen = RunState & DataState & DeviceState;

/** The phase once the device is (again) usable: it depends on whether the data is there. */
function idlePhase(s: Seen): Phase {
  return s.samples ? 'ready' : s.dataError ? 'noData' : 'loading';
}

export function reduceRun(s: Seen, m: StoreEvent): Partial<RunState> | null {
  switch (m.type) {
    case 'gpu':
      return {
        phase: resumingOn(s) ? 'recovering' : idlePhase(s),
        error: s.error?.kind === 'device' ? null : s.error,
      };
    case 'loading':
      return { phase: s.phase === 'starting' || s.phase === 'noData' ? 'loading' : s.phase };
    case 'ready':
      return {
        phase: s.phase === 'loading' || s.phase === 'noData' || s.phase === 'starting' ? 'ready' : s.phase,
      };
    case 'started':
      return {
        ...NO_RUN,
        phase: 'training',
        runSettings: m.settings,
        parameterCount: m.parameterCount,
        error: null,
      };
    case 'batch':
      return { progress: m.progress, evaluating: false };
    case 'evaluating':
      return {
        evaluating: true,
        evaluated: m.done ?? 0,
        evaluatingFinalTest: m.finalTest === true,
        ...(m.progress ? { progress: m.progress } : {}),
      };
    case 'epoch':
      return { evaluating: false, progress: m.progress };
    case 'page:findRate':
      return s.phase === 'ready' ? { phase: 'finding' } : null;
    case 'rateFinder':
      return m.done && s.phase === 'finding' ? { phase: idlePhase(s) } : null;
    case 'paused':
      return s.phase === 'training' ? { phase: 'paused' } : null;
    case 'resumed':
      return s.phase === 'paused' ? { phase: 'training' } : null;
    case 'done':
      return {
        phase: 'ready',
        evaluating: false,
        finalTest: m.test,
        runSeconds: m.seconds,
        stopped: m.stopped,
      };
    case 'lost':
      return { phase: 'lost', evaluating: false, error: null };
    case 'recovering':
      return { phase: 'recovering', error: null };
    case 'restored':
      return { phase: 'training' };
    case 'loaded':
      // An opened saved run brings its settings and result (page:saved); an imported model has none.
      return m.settings
        ? { parameterCount: m.parameterCount, error: null }
        : { ...NO_RUN, parameterCount: m.parameterCount, error: null };
    case 'continued':
      return {
        phase: 'training',
        runSettings: m.settings,
        parameterCount: m.parameterCount,
        finalTest: null,
        runSeconds: null,
        stopped: false,
        error: null,
      };
    case 'error': {
      const error = { kind: m.kind, message: m.message, fatal: m.fatal };
      if (m.fatal) return { phase: 'failed', evaluating: false, error };
      if (m.kind === 'data')
        return { phase: s.phase === 'loading' || s.phase === 'starting' ? 'noData' : s.phase };
      const phase = RUNNING.includes(s.phase) ? 'ready' : s.phase === 'recovering' ? 'lost' : s.phase;
      return { phase, evaluating: false, error };
    }
    case 'page:stop':
      return s.phase === 'training' || s.phase === 'paused' ? { phase: 'stopping' } : null;
    case 'page:saved': {
      // Its last test result stands as the run's result; the charts' axis spans the planned run
      // (its epochs and batches come from the progress).
      const last = m.history.epochs.at(-1);
      const { settings } = m;
      const progress = {
        epoch: last?.epoch ?? 0,
        epochs: settings.epochs,
        batch: 0,
        batches: epochBatches(m.history, settings),
        imagesPerSecond: 0,
        secondsLeft: null,
      };
      return {
        ...NO_RUN,
        runSettings: settings,
        progress,
        finalTest: testResultOf(m.history, settings),
      };
    }
    default:
      return null;
  }
}
