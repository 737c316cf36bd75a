import type { Snapshot } from '../../page/store';
import { formatCount, formatPercent } from '../format';
import { ProgressBar } from './ProgressBar';

interface Props {
  evaluation: Snapshot['evaluation'];
  /** An evaluation is under way. */
  running: boolean;
  /** Why the model cannot be evaluated now, or null. */
  whyNot: string | null;
  onEvaluate: () => void;
  /** "the 10,000 test images", or an imported data set's (page/classNames.ts). */
  testImages?: string;
}

/** One click: the model that answers drawings on the 10,000 test images, its progress and its result. */
export function EvaluateControl({
  evaluation,
  running,
  whyNot,
  onEvaluate,
  testImages = 'the 10,000 test images',
}: Props) {
  const done = evaluation?.done ?? 0;
  const total = evaluation?.total ?? 0;
  return (
    <div className="evaluate">
      <button
        type="button"
        disabled={whyNot !== null || running}
        aria-describedby={whyNot ? 'evaluate-why' : undefined}
        onClick={onEvaluate}
      >
        Evaluate on {testImages}
      </button>
      {whyNot && (
        <p id="evaluate-why" className="muted">
          {whyNot}
        </p>
      )}
      {running && (
        <div className="evaluate-progress">
          <ProgressBar
            value={done}
            max={total || 1}
            label="Evaluation progress"
            valueText={`${formatCount(done)} of ${formatCount(total)} test images`}
          />
          <span className="muted">
            {total ? `${formatCount(done)} of ${formatCount(total)} test images…` : 'Starting…'}
          </span>
        </div>
      )}
      {evaluation?.result && (
        <p role="status">
          Test accuracy:{' '}
          <strong data-testid="evaluation-accuracy">{formatPercent(evaluation.result.accuracy)}</strong> (test
          loss {evaluation.result.loss.toFixed(3)}).
        </p>
      )}
      {evaluation?.error && (
        <p className="alert" role="alert">
          Not evaluated: {evaluation.error}
        </p>
      )}
    </div>
  );
}
