import { memo, type ReactNode } from 'react';
import { IMAGE_SIDE, PIXELS } from '../../data/mnist';
import { className } from '../../page/classNames';
import type { Snapshot } from '../../page/store';
import { formatMegabytes } from '../format';
import { DigitImage } from './DigitImage';
import { ProgressBar } from './ProgressBar';

interface Props {
  phase: Snapshot['phase'];
  loading: Snapshot['loading'];
  samples: Snapshot['samples'];
  dataError: Snapshot['dataError'];
  onRetry: () => void;
  /** An imported data set (null: MNIST): its images are described and labelled by its class names. */
  dataset?: Snapshot['dataset'];
  /** Paging through the training and test images, once the data is here (in place of the first few). */
  browse?: ReactNode;
}

/**
 * The MNIST download as it happens, then a few of the training images with their labels. Memoised:
 * training reports change none of its props.
 */
export const DataPanel = memo(function DataPanel({
  phase,
  loading,
  samples,
  dataError,
  onRetry,
  dataset = null,
  browse,
}: Props) {
  const names = dataset?.classNames ?? null;
  return (
    <section className="card" aria-labelledby="data-title">
      <h2 id="data-title">Training data</h2>
      {dataError ? (
        <DataProblem error={dataError} onRetry={onRetry} />
      ) : samples && browse ? (
        browse
      ) : samples ? (
        <>
          <p className="muted">
            {dataset
              ? `${dataset.name}: ${dataset.trainCount.toLocaleString('en-US')} images`
              : '60,000 handwritten digits'}
            , {IMAGE_SIDE}×{IMAGE_SIDE} pixels each, with their labels. The first {samples.labels.length}:
          </p>
          <ol className="samples">
            {samples.labels.map((label, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list, the same on every render
              <li key={i}>
                <DigitImage
                  pixels={samples.pixels.subarray(i * PIXELS, (i + 1) * PIXELS)}
                  max={255}
                  label={`Training image ${i + 1}, labelled ${className(names, label)}`}
                />
                <span aria-hidden="true">{className(names, label)}</span>
              </li>
            ))}
          </ol>
        </>
      ) : loading ? (
        <LoadingBar loaded={loading.loadedBytes} total={loading.totalBytes} />
      ) : (
        <p className="muted">{phase === 'starting' ? 'Asking the browser for a GPU…' : 'No data loaded.'}</p>
      )}
    </section>
  );
});

/** A file missing, truncated or corrupt, or a failed download: which file, what is wrong, and Retry. */
function DataProblem({ error, onRetry }: { error: NonNullable<Snapshot['dataError']>; onRetry: () => void }) {
  const { file, message } = error;
  // A data file error reads "file: problem"; the file name is set apart so it can be found at a glance.
  const problem = file && message.startsWith(`${file}: `) ? message.slice(file.length + 2) : null;
  return (
    <div className="alert" role="alert" data-testid="data-error">
      <p>
        <strong>The MNIST data could not be loaded.</strong>{' '}
        {problem ? (
          <>
            <code>{file}</code>: {problem}
          </>
        ) : (
          message
        )}
      </p>
      <p>Training needs it; meanwhile you can still draw a digit for the untrained network.</p>
      <button type="button" className="primary" onClick={onRetry}>
        Retry
      </button>
    </div>
  );
}

function LoadingBar({ loaded, total }: { loaded: number; total: number }) {
  const amount = `${formatMegabytes(loaded)} of ${formatMegabytes(total)} MB`;
  return (
    <div className="loading">
      <p>
        {loaded >= total
          ? 'Downloaded. Copying the images to the GPU and tuning the kernels…'
          : `Downloading MNIST: ${amount}`}
      </p>
      <ProgressBar value={loaded} max={total} label="MNIST download" valueText={amount} />
    </div>
  );
}
