import type { Snapshot } from '../../page/store';
import type { Settings } from '../../protocol/settings';
import { formatDuration } from '../format';
import { describeGap, resultFigures } from '../runSummary';

interface Props {
  test: Snapshot['finalTest'];
  /** null for a saved run opened from the list: how long it took is not kept. */
  seconds: number | null;
  stopped: boolean;
  /** The last epoch's training accuracy, when an epoch ended. */
  trainAccuracy: number | null;
  model: Settings['model'];
}

/**
 * The end of a run, in the status's reserved lines: accuracy on the 10,000 test images the network
 * never trained on, beside its training accuracy and the book's, and what the gap between them means.
 */
export function RunResult({ test, seconds, stopped, trainAccuracy, model }: Props) {
  const figures = test ? resultFigures(trainAccuracy, test.accuracy, model) : null;
  return (
    <section className="run result" aria-labelledby="result-title">
      <h2 id="result-title">
        {seconds === null ? 'Saved run' : stopped ? 'Run stopped early' : 'Run finished'}
      </h2>
      {seconds !== null && (
        <span className="muted">
          Took {formatDuration(seconds)}
          {stopped && ', stopped early'}.
        </span>
      )}
      {test && figures ? (
        <>
          <p data-testid="result-figures">
            Test accuracy <strong data-testid="test-accuracy">{figures.test}</strong>
            {figures.train && <> · training {figures.train}</>} · the book: {figures.book}
          </p>
          {trainAccuracy !== null && (
            <p className="muted result-gap">{describeGap(trainAccuracy, test.accuracy)}</p>
          )}
        </>
      ) : (
        <p>It stopped before the network could be tested.</p>
      )}
    </section>
  );
}
