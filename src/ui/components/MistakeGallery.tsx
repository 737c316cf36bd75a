import { useEffect, useRef } from 'react';
import { PIXELS } from '../../data/mnist';
import { type ClassNames, className } from '../../page/classNames';
import type { Snapshot } from '../../page/store';
import { testImageCaption } from '../../page/store';
import { formatCount, formatPercent } from '../format';
import { DigitImage } from './DigitImage';

interface Props {
  gallery: NonNullable<Snapshot['gallery']>;
  onClose: () => void;
  /** Sends an image to the drawing pad, with what it is. */
  onTry: (pixels: Uint8Array, caption: string) => void;
  /** What the images are: MNIST's (or a data set's) test images, or the user's test digits. */
  source?: 'test' | 'yours';
  /** An imported data set's class names (null: the digits). */
  classNames?: ClassNames;
}

function title(g: Props['gallery'], source: 'test' | 'yours', name: (d: number) => string): string {
  const n = formatCount(g.total);
  if (g.query.kind === 'mistakes')
    return `All ${n} mistakes${source === 'yours' ? ' on your test digits' : ''}, most confident first`;
  const { label, predicted } = g.query;
  const items =
    source === 'yours' ? `${n} of your test digits:` : `${n} test image${g.total === 1 ? '' : 's'} of`;
  return label === predicted
    ? `${items} a ${name(label)} read correctly`
    : `${items} a ${name(label)} read as ${name(predicted)}`;
}

/** Test images behind a confusion-matrix cell (or every mistake), each with what the network made of it. */
export function MistakeGallery({ gallery, onClose, onTry, source = 'test', classNames = null }: Props) {
  const name = (d: number) => className(classNames, d);
  const listName = source === 'yours' ? 'Your test digits' : 'Test images';
  const caption = (index: number, label: number) =>
    source === 'yours'
      ? `Your test digit #${index + 1}, labelled ${name(label)}`
      : testImageCaption(index, label);
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
        <h3 id="gallery-title">{title(gallery, source, name)}</h3>
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
      {/* NOTE: the whole list shows (at most one page of images): a scrolling box cut its last row. */}
      <ul className="gallery-items" aria-label={listName}>
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
                label={`${source === 'yours' ? 'Your test digit' : 'Test image'} ${item.index + 1}: a ${name(item.label)}, read as ${name(item.predicted)}${Number.isNaN(confidence) ? '' : ` (${formatPercent(confidence, 0)})`}`}
              />
              <span className={wrong ? 'verdict wrong' : 'verdict'}>
                {name(item.label)}→{name(item.predicted)}
              </span>
              <span className="top" aria-hidden="true">
                {item.top
                  .filter((t) => !Number.isNaN(t.probability))
                  .map((t) => `${name(t.digit)}: ${formatPercent(t.probability, 0)}`)
                  .join(' ')}
              </span>
              <button
                type="button"
                className="try"
                aria-label={`Try it: ${source === 'yours' ? 'your test digit' : 'test image'} ${item.index + 1} on the pad`}
                onClick={() =>
                  onTry(gallery.pixels.slice(k * PIXELS, (k + 1) * PIXELS), caption(item.index, item.label))
                }
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
