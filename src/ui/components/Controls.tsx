import type { Phase } from '../../page/store';

interface Props {
  phase: Phase;
  canStart: boolean;
  hasRun: boolean;
  /** The device was lost mid-run: Resume goes on from the last checkpoint on a new device. */
  canRecover: boolean;
  onTrain: () => void;
  onPause: () => void;
  onResume: () => void;
  onStop: () => void;
}

/** Train, Pause, Resume and Stop, each enabled only when it means something in this phase. */
export function Controls({ phase, canStart, hasRun, canRecover, onTrain, onPause, onResume, onStop }: Props) {
  const running = phase === 'training' || phase === 'paused';
  return (
    <div className="controls">
      <button type="button" className="primary" disabled={phase !== 'ready' || !canStart} onClick={onTrain}>
        {hasRun && phase === 'ready' ? 'Train again' : 'Train'}
      </button>
      <button type="button" disabled={phase !== 'training'} onClick={onPause}>
        Pause
      </button>
      <button
        type="button"
        className={canRecover ? 'primary' : undefined}
        disabled={phase !== 'paused' && !canRecover}
        onClick={onResume}
      >
        Resume
      </button>
      <button type="button" disabled={!running} onClick={onStop}>
        {phase === 'stopping' ? 'Stopping…' : 'Stop'}
      </button>
    </div>
  );
}
