import { PIXELS } from '../../data/mnist';
import type { Snapshot } from '../../page/store';
import { formatCount, formatPercent } from '../format';
import { DigitImage } from './DigitImage';

interface Props {
  gallery: NonNullable<Snapshot['gallery']>;
  onClose: () => void;
}

function title(g: Props['gallery']): string {
  const n = formatCount(g.total);
  if (g.query.kind === 'mistakes') return `All ${n} mistakes, most confident first`;
  const { label, predicted } = g.query;
  return label === predicted
    ? `${n} test image${g.total === 1 ? '' : 's'} of a ${label} read correctly`
    : `${n} test image${g.total === 1 ? '' : 's'} of a ${label} read as ${predicted}`;
}

/** Test images behind a confusion-matrix cell (or every mistake), each with what the network made of it. */
export function MistakeGallery({ gallery, onClose }: Props) {
  const shown = gallery.items.length;
  return (
    <section
      className="gallery"
      aria-labelledby="gallery-title"
      data-testid="gallery"
      data-kind={gallery.query.kind}
    >
      <div className="gallery-head">
        <h3 id="gallery-title">{title(gallery)}</h3>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      {shown < gallery.total && (
        <p className="muted">
          Showing the {shown} most confident of {formatCount(gallery.total)}.
        </p>
      )}
      {shown === 0 && <p className="muted">No test image here.</p>}
      <ul className="gallery-items">
        {gallery.items.map((item, k) => {
          const confidence = item.top.find((t) => t.digit === item.predicted)?.probability ?? 0;
          const wrong = item.label !== item.predicted;
          return (
            <li
              key={item.index}
              data-testid="gallery-item"
              data-label={item.label}
              data-predicted={item.predicted}
              data-confidence={confidence}
            >
              <DigitImage
                pixels={gallery.pixels.subarray(k * PIXELS, (k + 1) * PIXELS)}
                max={255}
                label={`Test image ${item.index + 1}: a ${item.label}, read as ${item.predicted} (${formatPercent(confidence, 0)})`}
              />
              <span className={wrong ? 'verdict wrong' : 'verdict'}>
                {item.label}→{item.predicted}
              </span>
              <span className="top" aria-hidden="true">
                {item.top.map((t) => `${t.digit}: ${formatPercent(t.probability, 0)}`).join(' ')}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
