import { useState } from 'react';
import type { UserDigitsKeeper } from '../../page/userDigitsKeeper';
import type { DrawingLabel } from '../hooks/useDrawingLabel';

interface Props {
  keeper: UserDigitsKeeper;
  /** Whether the pad holds a drawing of the user's to keep. */
  canKeep: boolean;
  /** Keeps the pad's drawing with this label (useDrawingLabel). */
  onKeep: (digit: number) => Promise<DrawingLabel | null>;
  /** Clears the pad for the next digit. */
  onClearPad: () => void;
}

/**
 * Draw the digits: asks for each digit in turn ("Draw a 3"), round after round; Next keeps the
 * drawing with the digit asked for, Skip moves on, Undo deletes the last one kept and asks for it
 * again. Everything but the drawing itself works from the keyboard.
 */
export function DrawTheDigits({ keeper, canKeep, onKeep, onClearPad }: Props) {
  const [on, setOn] = useState(false);
  const [asked, setAsked] = useState(0);
  const [round, setRound] = useState(1);
  const [kept, setKept] = useState<{ id: string; asked: number; round: number }[]>([]);
  const advance = () => {
    setAsked((d) => (d + 1) % 10);
    if (asked === 9) setRound((r) => r + 1);
    onClearPad();
  };
  if (!on)
    return (
      <p className="draw-the-digits">
        <button type="button" onClick={() => setOn(true)}>
          Draw the digits
        </button>{' '}
        <span className="muted">asks for each digit in turn, to collect your handwriting.</span>
      </p>
    );
  return (
    <div className="draw-the-digits">
      <p id="draw-ask" className="draw-ask" role="status">
        Draw {asked === 8 ? 'an' : 'a'} {asked}
      </p>
      <p className="muted" data-testid="draw-round">
        Round {round} · {kept.length} kept this time
      </p>
      <div className="draw-the-digits-buttons">
        <button
          type="button"
          disabled={!canKeep}
          onClick={async () => {
            const label = await onKeep(asked);
            if (!label) return;
            setKept((list) => [...list, { id: label.id, asked, round }]);
            advance();
          }}
        >
          Next
        </button>
        <button type="button" onClick={advance}>
          Skip
        </button>
        <button
          type="button"
          disabled={kept.length === 0}
          onClick={async () => {
            const last = kept.at(-1);
            if (!last || !(await keeper.remove(last.id))) return;
            setKept((list) => list.slice(0, -1));
            setAsked(last.asked);
            setRound(last.round);
            onClearPad();
          }}
        >
          Undo
        </button>
        <button type="button" onClick={() => setOn(false)}>
          Done
        </button>
      </div>
    </div>
  );
}
