import type { DrawingLabel } from '../hooks/useDrawingLabel';

const DIGITS = Array.from({ length: 10 }, (_, d) => d);

interface Props {
  /** The digit the network reads, or null when it gives no reading (yet). */
  reading: number | null;
  /** Whether the pad holds a drawing of the user's (not a test image) that can be labelled. */
  canLabel: boolean;
  kept: DrawingLabel | null;
  /** Whether that drawing was kept for testing only. */
  keptForTesting: boolean;
  onLabel: (digit: number) => void;
}

const article = (digit: number) => (digit === 8 ? 'an' : 'a');

/**
 * Beside the reading: "Right" confirms it, "Not a 7?" gives the right digit with one click (or one
 * key, 0 to 9, on the pad). Either way the drawing joins Your digits with that label.
 */
export function ReadingCorrection({ reading, canLabel, kept, keptForTesting, onLabel }: Props) {
  if (!canLabel) return null;
  return (
    <div className="reading-correction">
      <p className="correction-line">
        {reading !== null && (
          <button
            type="button"
            onClick={() => onLabel(reading)}
            aria-pressed={kept?.label === reading}
            disabled={kept?.label === reading}
          >
            Right, it is {article(reading)} {reading}
          </button>
        )}{' '}
        <span id="correction-title">
          {reading !== null ? `Not ${article(reading)} ${reading}? It is:` : 'It is:'}
        </span>
      </p>
      <ul className="digit-keys" aria-labelledby="correction-title">
        {DIGITS.map((d) => (
          <li key={d}>
            <button
              type="button"
              onClick={() => onLabel(d)}
              aria-label={`Label it ${d}`}
              aria-pressed={kept?.label === d}
            >
              {d}
            </button>
          </li>
        ))}
      </ul>
      <p className="muted" role="status" data-testid="drawing-kept">
        {kept
          ? `Kept in Your digits as ${article(kept.label)} ${kept.label}${keptForTesting ? ', for testing only' : ''}. Another digit relabels it.`
          : 'Or press 0 to 9 on the pad.'}
      </p>
    </div>
  );
}
