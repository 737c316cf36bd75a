import { IMAGE_SIDE, PIXELS } from '../../data/mnist';
import { classCount, className } from '../../page/classNames';
import type { BrowseSet } from '../../protocol/browse';
import { formatCount } from '../format';
import type { useDataBrowser } from '../hooks/useDataBrowser';
import { DigitImage } from './DigitImage';
import { Term } from './Term';

const SETS: { set: BrowseSet; name: string }[] = [
  { set: 'train', name: 'Training images' },
  { set: 'test', name: 'Test images' },
];

/** The training and test images, a page at a time, all digits or one. */
export function DataBrowser({ browser }: { browser: ReturnType<typeof useDataBrowser> }) {
  const { query, shown, change, dataset } = browser;
  // MNIST's digits, or an imported data set's classes and counts.
  const names = dataset?.classNames ?? null;
  const classes = Array.from({ length: classCount(names) }, (_, c) => c);
  const counts: Record<BrowseSet, number> = {
    train: dataset?.trainCount ?? 60_000,
    test: dataset?.testCount ?? 10_000,
  };
  const images = shown?.images;
  const setName = query.set === 'train' ? 'Training' : 'Test';
  const perPage = 24;
  const first = images ? images.page * perPage : 0;
  const pages = images ? Math.max(1, Math.ceil(images.total / perPage)) : 1;
  const what =
    query.digit === null
      ? `${setName.toLowerCase()} images`
      : `${setName.toLowerCase()} images of ${names ? className(names, query.digit) : `${query.digit}s`}`;
  return (
    <div className="browse" data-testid="data-browser">
      <p className="muted">
        Each image is {IMAGE_SIDE}×{IMAGE_SIDE} pixels with its label. The training images are what the
        network learns from; the test images are never trained on: they measure it.
        <Term id="testSet" />
      </p>
      <div className="browse-controls">
        <label>
          Images{' '}
          <select value={query.set} onChange={(event) => change({ set: event.target.value as BrowseSet })}>
            {SETS.map((s) => (
              <option key={s.set} value={s.set}>
                {s.name.toLowerCase()} ({formatCount(counts[s.set])})
              </option>
            ))}
          </select>
        </label>
        <label>
          {names ? 'Class' : 'Digit'}{' '}
          <select
            value={query.digit ?? 'all'}
            onChange={(event) =>
              change({ digit: event.target.value === 'all' ? null : Number(event.target.value) })
            }
          >
            <option value="all">all</option>
            {classes.map((c) => (
              <option key={c} value={c}>
                {className(names, c)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="browse-where" aria-live="polite" data-testid="browse-where">
        {images
          ? images.total === 0
            ? `No ${what}.`
            : `${formatCount(first + 1)}–${formatCount(first + images.indices.length)} of ${formatCount(images.total)} ${what}`
          : 'Fetching the images…'}
      </p>
      {images && (
        <ol className="samples">
          {Array.from(images.indices, (index, k) => (
            <li key={index}>
              <DigitImage
                pixels={images.pixels.subarray(k * PIXELS, (k + 1) * PIXELS)}
                max={255}
                label={`${setName} image ${index + 1}, labelled ${className(names, images.labels[k])}`}
              />
              <span aria-hidden="true">{className(names, images.labels[k])}</span>
            </li>
          ))}
        </ol>
      )}
      <p className="browse-pages">
        <button
          type="button"
          disabled={!images || images.page === 0}
          onClick={() => change({ page: (images?.page ?? 0) - 1, set: query.set, digit: query.digit })}
        >
          ← Earlier
        </button>
        <span className="muted">
          Page {formatCount((images?.page ?? 0) + 1)} of {formatCount(pages)}
        </span>
        <button
          type="button"
          disabled={!images || images.page >= pages - 1}
          onClick={() => change({ page: (images?.page ?? 0) + 1, set: query.set, digit: query.digit })}
        >
          Later →
        </button>
      </p>
    </div>
  );
}
