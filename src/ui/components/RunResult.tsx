import type { Snapshot } from '../../page/store';
import { formatDuration, formatPercent } from '../format';

interface Props {
  test: Snapshot['finalTest'];
  seconds: number;
  stopped: boolean;
}

/** The end of a run: accuracy on the 10,000 test images the network never trained on. */
export function RunResult({ test, seconds, stopped }: Props) {
  return (
    <section className="run result" aria-labelledby="result-title">
      <h2 id="result-title">{stopped ? 'Run stopped early' : 'Run finished'}</h2>
      {test ? (
        <p>
          Test accuracy: <strong data-testid="test-accuracy">{formatPercent(test.accuracy)}</strong> of the
          10,000 test images read correctly (test loss {test.loss.toFixed(3)}).
        </p>
      ) : (
        <p>It stopped before the network could be tested.</p>
      )}
      <p className="muted">
        Took {formatDuration(seconds)}
        {stopped && ', stopped early'}. Draw a digit to try the network, or change the settings and train
        again.
      </p>
    </section>
  );
}
