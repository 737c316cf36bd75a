import type { Snapshot } from '../../page/store';
import type { Settings } from '../../protocol/settings';
import { formatDuration } from '../format';
import { describeGap, resultFigures } from '../resultFigures';

interface Props {
  test: Snapshot['finalTest'];
  /** null for a saved run opened from the list: how long it took is not kept. */
  seconds: number | null;
  stopped: boolean;
  /** The last epoch's training accuracy, when an epoch ended. */
  trainAccuracy: number | null;
  model: Settings['model'];
  /** Validation images held out of training: the curves are theirs, and the test set waits for the end. */
  validation?: number;
  /** "the 10,000 test images", or an imported data set's (page/classNames.ts). */
  testImages?: string;
  /** Which run of a preset this was: "Run 3 of 3: Adam, learning rate 0.001". */
  presetRun?: string;
}

/**
 * The end of a run, in the status's reserved lines: accuracy on the test images the network never
 * trained on, beside its training accuracy and the book's, and what the gap between them means.
 */
export function RunResult({
  test,
  seconds,
  stopped,
  trainAccuracy,
  model,
  validation = 0,
  testImages = 'the 10,000 test images',
  presetRun,
}: Props) {
  const figures = test ? resultFigures(trainAccuracy, test.accuracy, model) : null;
  const mnist = testImages === 'the 10,000 test images';
  return (
    <section className="run result" aria-labelledby="result-title">
      <h2 id="result-title">
        {seconds === null ? 'Saved run' : stopped ? 'Run stopped early' : 'Run finished'}
        {presetRun && ` · ${presetRun}`}
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
            {!mnist && <> of {testImages} it never trained on</>}
            {figures.train && <> · training {figures.train}</>}
            {mnist && <> · the book: {figures.book}</>}
          </p>
          {trainAccuracy !== null && (
            <p className="muted result-gap">{describeGap(trainAccuracy, test.accuracy)}</p>
          )}
        </>
      ) : (
        <p>
          It stopped before the network could be tested
          {validation > 0 && ': evaluate it on the test images under Confusion matrix'}.
        </p>
      )}
    </section>
  );
}
