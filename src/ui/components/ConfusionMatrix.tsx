import { type CSSProperties, memo, useMemo, useRef } from 'react';
import { type ClassNames, classCount, className } from '../../page/classNames';
import { summarizeConfusion } from '../../page/confusionStats';
import type { Snapshot } from '../../page/store';
import type { GalleryQuery } from '../../protocol/protocol';
import { readableOn } from '../colorMap';
import { formatCount, formatPercent } from '../format';
import { useColorScheme } from '../hooks/useColorScheme';
import { useSideScroll } from '../hooks/useSideScroll';

interface Props {
  confusion: NonNullable<Snapshot['confusion']>;
  /** The open gallery's cell, highlighted. */
  selected: GalleryQuery | null;
  onOpen: (query: GalleryQuery) => void;
  /** What was read: "Test set" (MNIST's or an imported data set's), or "Your test digits". */
  source?: string;
  /** An imported data set's class names (null: the digits). */
  classNames?: ClassNames;
}

const CARD = { light: [255, 255, 255], dark: [31, 36, 46] } as const;
const RIGHT = [43, 138, 62];
const WRONG = [196, 40, 28];

/** The data set's classes, and any other the network answered (an untrained one may answer any). */
function shownClasses(matrix: Uint32Array, classes: number, names: ClassNames): number {
  let shown = Math.min(classes, classCount(names));
  for (let i = 0; i < matrix.length; i++) if (matrix[i] > 0) shown = Math.max(shown, (i % classes) + 1);
  return shown;
}

/**
 * Cell shading: green on the diagonal by the row's share, red elsewhere by the largest mistake count,
 * mixed into the card's colour; the count is written in black or white, whichever reads better on it.
 */
function shade(
  count: number,
  rowTotal: number,
  diagonal: boolean,
  largestMistake: number,
  scheme: 'light' | 'dark',
): CSSProperties {
  if (count === 0) return {};
  const amount = diagonal
    ? 0.15 + 0.6 * (count / Math.max(1, rowTotal))
    : 0.12 + 0.7 * (count / Math.max(1, largestMistake));
  const hue = diagonal ? RIGHT : WRONG;
  const rgb = CARD[scheme].map((c, i) => Math.round(c + (hue[i] - c) * amount));
  return { background: `rgb(${rgb.join(', ')})`, color: readableOn(rgb) };
}

/**
 * The test set's confusion matrix as a table (rows: true digit, columns: what the network read),
 * which is also its text alternative. Each cell opens a gallery of its images.
 */
export const ConfusionMatrix = memo(function ConfusionMatrix({
  confusion,
  selected,
  onOpen,
  source = 'Test set',
  classNames = null,
}: Props) {
  const { classes, matrix, epoch } = confusion;
  const summary = useMemo(() => summarizeConfusion(matrix, classes), [matrix, classes]);
  const digits = Array.from({ length: shownClasses(matrix, classes, classNames) }, (_, d) => d);
  const name = (d: number) => className(classNames, d);
  let largestMistake = 0;
  for (const t of digits)
    for (const p of digits) if (t !== p) largestMistake = Math.max(largestMistake, matrix[t * classes + p]);
  const mistakes = summary.total - summary.correct;
  const scheme = useColorScheme();
  const frame = useRef<HTMLElement>(null);
  const scroll = useSideScroll(frame);
  const more = scroll.moreLeft || scroll.moreRight;
  // NOTE: a caption is as wide as its table: on a phone it would run past the frame and be cut.
  const captionWidth = scroll.width > 0 ? { maxWidth: `min(34rem, ${scroll.width}px)` } : undefined;
  return (
    <div
      className={`confusion${scroll.moreLeft ? ' more-left' : ''}${scroll.moreRight ? ' more-right' : ''}`}
    >
      {/* NOTE: on a narrow screen the table scrolls inside this region, never the page sideways; the
          region takes focus so that keyboard users can scroll it too. */}
      <section
        ref={frame}
        className="matrix-scroll"
        aria-label="Confusion matrix, scrolls sideways"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
        tabIndex={0}
      >
        <table data-testid="confusion-matrix" data-total={summary.total} data-correct={summary.correct}>
          <caption style={captionWidth}>
            {source}
            {epoch === null ? '' : ` after epoch ${epoch + 1}`}: {formatCount(summary.correct)} of{' '}
            {formatCount(summary.total)} read correctly (
            <span data-testid="confusion-accuracy">{formatPercent(summary.correct / summary.total)}</span>).
            Rows: the true digit; columns: what the network read. Choose a cell to see its images.
          </caption>
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">True digit</span>
              </th>
              {digits.map((p) => (
                <th key={p} scope="col">
                  <span className="visually-hidden">read as </span>
                  {name(p)}
                </th>
              ))}
              <th scope="col">Per-class accuracy</th>
            </tr>
          </thead>
          <tbody>
            {digits.map((t) => {
              const row = summary.perClass[t];
              return (
                <tr key={t}>
                  <th scope="row">
                    <span className="visually-hidden">true </span>
                    {name(t)}
                  </th>
                  {digits.map((p) => {
                    const count = matrix[t * classes + p];
                    const isSelected =
                      selected?.kind === 'cell' && selected.label === t && selected.predicted === p;
                    return (
                      <td key={p} style={shade(count, row.images, t === p, largestMistake, scheme)}>
                        <button
                          type="button"
                          className={isSelected ? 'cell selected' : 'cell'}
                          aria-pressed={isSelected}
                          disabled={count === 0}
                          aria-label={`True ${name(t)}, read as ${name(p)}: ${count} image${count === 1 ? '' : 's'}`}
                          onClick={() => onOpen({ kind: 'cell', label: t, predicted: p })}
                        >
                          {count}
                        </button>
                      </td>
                    );
                  })}
                  <td className="per-class" data-testid={`class-accuracy-${t}`}>
                    {Number.isNaN(row.accuracy) ? '–' : formatPercent(row.accuracy)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      {more && (
        <p className="scroll-cue muted" data-testid="matrix-scroll-cue">
          {scroll.moreRight ? 'More columns to the right' : 'More columns to the left'}: swipe, or select the
          table and use the arrow keys. {scroll.moreRight ? '→' : '←'}
        </p>
      )}
      <button
        type="button"
        className="all-mistakes"
        disabled={mistakes === 0}
        aria-pressed={selected?.kind === 'mistakes'}
        onClick={() => onOpen({ kind: 'mistakes' })}
      >
        Show all {formatCount(mistakes)} mistakes, most confident first
      </button>
    </div>
  );
});
