import type { Snapshot } from '../../page/store';
import { formatDuration, formatPercent } from '../format';

interface Props {
  test: Snapshot['finalTest'];
  /** null for a saved run opened from the list: how long it took is not kept. */
  seconds: number | null;
  stopped: boolean;
  /** "the 10,000 test images", or an imported data set's (page/classNames.ts). */
  testImages?: string;
}

/** The end of a run: accuracy on the 10,000 test images the network never trained on. */
export function RunResult({ test, seconds, stopped, testImages = 'the 10,000 test images' }: Props) {
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
        <p>It stopped before the network could be tested.</p>
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
