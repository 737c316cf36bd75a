import { useCallback, useState } from 'react';
import type { UserDigitDrawing } from '../../data/userDigit';
import { UserDigitsKeeper } from '../../page/userDigitsKeeper';
import { useDrawingLabel } from './useDrawingLabel';
import { useUserDigits } from './useUserDigits';

/**
 * Your digits beside the pad: the keeper (one per page), what it holds, and the pad's drawing with
 * its label. `onPadChange` hands the pad's drawing to the prediction (`setInput`) and to the label.
 */
export function usePadDigits(setInput: (pixels: Float32Array | null) => void) {
  const [keeper] = useState(() => new UserDigitsKeeper());
  const digits = useUserDigits(keeper);
  const labeller = useDrawingLabel(keeper);
  const { setDrawing } = labeller;
  const onPadChange = useCallback(
    (pixels: Float32Array | null, drawing?: UserDigitDrawing | null) => {
      setInput(pixels);
      setDrawing(pixels, drawing);
    },
    [setInput, setDrawing],
  );
  const [clearRequest, setClearRequest] = useState(0);
  const clearPad = useCallback(() => setClearRequest((n) => n + 1), []);
  const keptForTesting = digits.digits.some((d) => d.id === labeller.kept?.id && d.testOnly);
  return { keeper, digits, labeller, onPadChange, keptForTesting, clearRequest, clearPad };
}
