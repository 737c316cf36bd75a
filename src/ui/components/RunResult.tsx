import type { Snapshot } from '../../page/store';
import type { EarlyStop } from '../../protocol/reports';
import { formatDuration, formatPercent } from '../format';

interface Props {
  test: Snapshot['finalTest'];
  /** null for a saved run opened from the list: how long it took is not kept. */
  seconds: number | null;
  stopped: boolean;
  /** Validation images held out of training: the curves are theirs, and the test set waits for the end. */
  validation?: number;
  /** Where early stopping stopped the run, and which epoch's weights it went back to. */
  earlyStop?: EarlyStop | null;
  /** "the 10,000 test images", or an imported data set's (page/classNames.ts). */
  testImages?: string;
}

/** The end of a run: accuracy on the 10,000 test images the network never trained on. */
export function RunResult({
  test,
  seconds,
  stopped,
  validation = 0,
  earlyStop = null,
  testImages = 'the 10,000 test images',
}: Props) {
  const heldOut = validation > 0 ? 'validation' : 'test';
  return (
    <section className="run result" aria-labelledby="result-title">
      <h2 id="result-title">
        {seconds === null ? 'Saved run' : stopped ? 'Run stopped early' : 'Run finished'}
      </h2>
      {test ? (
        <p>
          Test accuracy: <strong data-testid="test-accuracy">{formatPercent(test.accuracy)}</strong> of{' '}
          {testImages} it never trained on (test loss {test.loss.toFixed(3)}).
        </p>
      ) : (
        <p>
          It stopped before the network could be tested
          {validation > 0 && ': evaluate it on the test images under Confusion matrix'}.
        </p>
      )}
      {earlyStop && (
        <p data-testid="early-stop">
          Early stopping: the {heldOut} loss did not improve after epoch {earlyStop.bestEpoch}, so training
          stopped after epoch {earlyStop.stoppedEpoch} and went back to epoch {earlyStop.bestEpoch}'s weights.
        </p>
      )}
      {validation > 0 && (
        <p className="muted" data-testid="validation-note">
          The curves show the {validation.toLocaleString('en-US')} validation images held out of training; the
          test set was measured once, at the end, so that nothing chosen while watching the curves was tuned
          on it.
        </p>
      )}
      {seconds !== null && (
        <p className="muted">
          Took {formatDuration(seconds)}
          {stopped && ', stopped early'}.
        </p>
      )}
    </section>
  );
}
