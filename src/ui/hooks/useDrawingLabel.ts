import { useCallback, useRef, useState } from 'react';
import type { UserDigitDrawing } from '../../data/userDigit';
import type { UserDigitsKeeper } from '../../page/userDigitsKeeper';

/** What became of the drawing on the pad: kept in Your digits with a label, or not (yet). */
export interface DrawingLabel {
  id: string;
  label: number;
}

/**
 * The drawing on the pad (its inputs and strokes) and its label once the user gives one: the first
 * label keeps it in Your digits, a later one relabels the same record. A new drawing starts afresh.
 */
export function useDrawingLabel(keeper: UserDigitsKeeper) {
  const drawing = useRef<{ input: Float32Array; strokes: UserDigitDrawing } | null>(null);
  const [canLabel, setCanLabel] = useState(false);
  const [kept, setKept] = useState<DrawingLabel | null>(null);
  const keptRef = useRef<DrawingLabel | null>(null);
  const busy = useRef(false);

  const setDrawing = useCallback((input: Float32Array | null, strokes?: UserDigitDrawing | null) => {
    drawing.current = input && strokes ? { input, strokes } : null;
    keptRef.current = null;
    setKept(null);
    setCanLabel(drawing.current !== null);
  }, []);

  const label = useCallback(
    async (digit: number): Promise<DrawingLabel | null> => {
      const current = drawing.current;
      if (!current || busy.current) return null;
      busy.current = true;
      try {
        const before = keptRef.current;
        let now = before;
        if (before) {
          if (before.label !== digit && (await keeper.relabel(before.id, digit)))
            now = { id: before.id, label: digit };
        } else {
          const id = await keeper.add(digit, current.input, current.strokes);
          if (id) now = { id, label: digit };
        }
        // Only if the pad still shows this drawing: a new one starts unlabelled.
        if (drawing.current !== current) return now;
        keptRef.current = now;
        setKept(now);
        return now;
      } finally {
        busy.current = false;
      }
    },
    [keeper],
  );

  return { canLabel, kept, setDrawing, label };
}
