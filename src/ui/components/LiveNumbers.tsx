import type { CurvePoint, EpochPoint } from '../../page/store';
import { liveNumbers } from '../liveNumbers';

interface Props {
  curve: readonly CurvePoint[];
  epochs: readonly EpochPoint[];
}

/** The running numbers, beside the progress line: training loss and accuracy now, the latest test accuracy. */
export function LiveNumbers({ curve, epochs }: Props) {
  const numbers = liveNumbers(curve, epochs);
  return (
    <p className="live-numbers" data-testid="live-numbers">
      {numbers ? (
        <>
          Training loss <strong data-testid="live-loss">{numbers.loss}</strong>, accuracy{' '}
          <strong data-testid="live-accuracy">{numbers.accuracy}</strong>
          <span className="muted"> (last batches)</span>
          {numbers.test && (
            <>
              {' '}
              · test <strong data-testid="live-test-accuracy">{numbers.test.accuracy}</strong>
              <span className="muted"> (after epoch {numbers.test.epoch})</span>
            </>
          )}
        </>
      ) : (
        <span className="muted">Loss and accuracy arrive after the first few batches…</span>
      )}
    </p>
  );
}
