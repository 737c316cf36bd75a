import type { Phase } from '../../train/store';

interface Props {
  phase: Phase;
  canStart: boolean;
  hasRun: boolean;
  onTrain: () => void;
  onPause: () => void;
  onResume: () => void;
  onStop: () => void;
}

/** Train, Pause, Resume and Stop, each enabled only when it means something in this phase. */
export function Controls({ phase, canStart, hasRun, onTrain, onPause, onResume, onStop }: Props) {
  const running = phase === 'training' || phase === 'paused';
  return (
    <div className="controls">
      <button type="button" className="primary" disabled={phase !== 'ready' || !canStart} onClick={onTrain}>
        {hasRun && phase === 'ready' ? 'Train again' : 'Train'}
      </button>
      <button type="button" disabled={phase !== 'training'} onClick={onPause}>
        Pause
      </button>
      <button type="button" disabled={phase !== 'paused'} onClick={onResume}>
        Resume
      </button>
      <button type="button" disabled={!running} onClick={onStop}>
        {phase === 'stopping' ? 'Stopping…' : 'Stop'}
      </button>
    </div>
  );
}
