import { useEffect, useRef } from 'react';
import { PIXELS } from '../../data/mnist';
import type { Snapshot } from '../../page/store';
import { testImageCaption } from '../../page/store';
import { formatCount, formatPercent } from '../format';
import { jumpTo } from '../jumps';
import { DigitImage } from './DigitImage';

interface Props {
  gallery: NonNullable<Snapshot['gallery']>;
  onClose: () => void;
  /** Sends an image to the drawing pad, with what it is. */
  onTry: (pixels: Uint8Array, caption: string) => void;
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
export function MistakeGallery({ gallery, onClose, onTry }: Props) {
  const shown = gallery.items.length;
  const ref = useRef<HTMLElement>(null);
  // The chosen cell's images may open below the matrix, off-screen on a phone: bring them into view.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per chosen cell, not per new epoch's images
  useEffect(() => {
    const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    ref.current?.scrollIntoView({ block: 'nearest', behavior: reduce ? 'auto' : 'smooth' });
  }, [gallery.query]);
  return (
    <section
      ref={ref}
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
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling list must be reachable by keyboard */}
      <ul className="gallery-items" tabIndex={0} aria-label="Test images">
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
              <button
                type="button"
                className="try"
                aria-label={`Try it: test image ${item.index + 1} on the pad`}
                onClick={(event) => {
                  onTry(
                    gallery.pixels.slice(k * PIXELS, (k + 1) * PIXELS),
                    testImageCaption(item.index, item.label),
                  );
                  // The pad is far above: it comes into view, saying so, with the way back.
                  jumpTo(document.getElementById('draw-title'), {
                    at: 'pad',
                    note: `Test image ${item.index + 1} is on the pad: the network reads it at once.`,
                    back: '↓ Back to the gallery',
                    origin: event.currentTarget,
                  });
                }}
              >
                Try it
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
