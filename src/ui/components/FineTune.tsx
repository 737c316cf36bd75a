import type { FineTuneState } from '../../page/store/userDigits';
import type { FineTuneScores } from '../../protocol/myDigits';

const percent = (accuracy: number) => `${(accuracy * 100).toFixed(1)}%`;

function Scores({ label, scores }: { label: string; scores: FineTuneScores }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>
        your test digits {scores.digitsCorrect} of {scores.digitsTotal} · MNIST test{' '}
        {percent(scores.mnistAccuracy)}
      </dd>
    </>
  );
}

/**
 * Fine-tune: a few hundred steps of MNIST with your training digits, from the model answering the
 * pad; its progress, Cancel, then before and after on your test digits and on MNIST's test set.
 */
export function FineTune({
  state,
  canStart,
  trainingDigits,
  onStart,
  onCancel,
}: {
  state: FineTuneState | null;
  /** A model is there to start from, and no run is going on. */
  canStart: boolean;
  trainingDigits: number;
  onStart: () => void;
  onCancel: () => void;
}) {
  const running = state?.running === true;
  return (
    <section className="fine-tune" aria-labelledby="fine-tune-title">
      <h3 id="fine-tune-title">Fine-tune on your digits</h3>
      {running ? (
        <p>
          <label htmlFor="fine-tune-progress">
            Fine-tuning: step {state.step} of {state.steps}
          </label>{' '}
          <progress id="fine-tune-progress" max={state.steps} value={state.step} />{' '}
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </p>
      ) : (
        <p>
          <button type="button" onClick={onStart} disabled={!canStart || trainingDigits === 0}>
            Fine-tune
          </button>{' '}
          <span className="muted">
            {trainingDigits === 0
              ? 'Draw some digits for training first.'
              : `A few hundred steps on MNIST and your ${trainingDigits} training digits.`}
          </span>
        </p>
      )}
      {state && !running && (
        <div role="status" data-testid="fine-tune-result">
          {state.error && <p className="field-error">{state.error}</p>}
          {state.cancelled && <p>Cancelled: the model is as it was.</p>}
          {(state.before || state.after) && (
            <dl className="fine-tune-scores">
              {state.before && <Scores label="Before" scores={state.before} />}
              {state.after && <Scores label="After" scores={state.after} />}
            </dl>
          )}
        </div>
      )}
    </section>
  );
}
