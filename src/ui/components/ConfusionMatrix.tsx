import { memo, useMemo } from 'react';
import { summarizeConfusion } from '../../page/confusionStats';
import type { Snapshot } from '../../page/store';
import type { GalleryQuery } from '../../protocol/protocol';
import { formatCount, formatPercent } from '../format';

interface Props {
  confusion: NonNullable<Snapshot['confusion']>;
  /** The open gallery's cell, highlighted. */
  selected: GalleryQuery | null;
  onOpen: (query: GalleryQuery) => void;
}

/** Cell shading: green on the diagonal by the row's share, red elsewhere by the largest mistake count. */
function shade(count: number, rowTotal: number, diagonal: boolean, largestMistake: number): string {
  if (count === 0) return 'transparent';
  if (diagonal) return `rgba(43, 138, 62, ${0.15 + 0.6 * (count / Math.max(1, rowTotal))})`;
  return `rgba(180, 35, 24, ${0.12 + 0.7 * (count / Math.max(1, largestMistake))})`;
}

/**
 * The test set's confusion matrix as a table (rows: true digit, columns: what the network read),
 * which is also its text alternative. Each cell opens a gallery of its images.
 */
export const ConfusionMatrix = memo(function ConfusionMatrix({ confusion, selected, onOpen }: Props) {
  const { classes, matrix, epoch } = confusion;
  const summary = useMemo(() => summarizeConfusion(matrix, classes), [matrix, classes]);
  const digits = Array.from({ length: classes }, (_, d) => d);
  let largestMistake = 0;
  for (const t of digits)
    for (const p of digits) if (t !== p) largestMistake = Math.max(largestMistake, matrix[t * classes + p]);
  const mistakes = summary.total - summary.correct;
  return (
    <div className="confusion">
      <table data-testid="confusion-matrix" data-total={summary.total} data-correct={summary.correct}>
        <caption>
          Test set after epoch {epoch + 1}: {formatCount(summary.correct)} of {formatCount(summary.total)}{' '}
          read correctly (
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
                {p}
              </th>
            ))}
            <th scope="col">right</th>
          </tr>
        </thead>
        <tbody>
          {digits.map((t) => {
            const row = summary.perClass[t];
            return (
              <tr key={t}>
                <th scope="row">
                  <span className="visually-hidden">true </span>
                  {t}
                </th>
                {digits.map((p) => {
                  const count = matrix[t * classes + p];
                  const isSelected =
                    selected?.kind === 'cell' && selected.label === t && selected.predicted === p;
                  return (
                    <td key={p} style={{ background: shade(count, row.images, t === p, largestMistake) }}>
                      <button
                        type="button"
                        className={isSelected ? 'cell selected' : 'cell'}
                        aria-pressed={isSelected}
                        disabled={count === 0}
                        aria-label={`True ${t}, read as ${p}: ${count} image${count === 1 ? '' : 's'}`}
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
