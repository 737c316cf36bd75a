import type { WeightPenalty } from '../../protocol/layers';
import { DraftNumberInput } from './DraftNumberInput';

interface Props {
  /** The layer's place in the stack, from 1, for the boxes' names. */
  position: number;
  penalty: WeightPenalty;
  onChange: (penalty: WeightPenalty) => void;
}

/**
 * A Dense or Conv2D layer's weight regularization in the layer editor: its L2 and L1 coefficients
 * (Keras's kernel_regularizer), each empty for none.
 */
export function PenaltyInputs({ position, penalty, onChange }: Props) {
  const set = (name: 'l1' | 'l2', value: string) => {
    const next = { ...penalty };
    const number = Number(value);
    if (value.trim() === '') delete next[name];
    // A negative or unreadable coefficient becomes 2, which the URL form keeps and the stack's
    // check names as the problem (a token that does not parse would lose the whole stack).
    else next[name] = Number.isFinite(number) && number >= 0 ? number : 2;
    onChange(next);
  };
  return (
    <span className="layer-penalty">
      {(['l2', 'l1'] as const).map((name) => (
        <span key={name}>
          {/* The box is named "L2 of layer 2" for assistive technologies; this is its short sight name. */}
          <span aria-hidden="true">{name.toUpperCase()}</span>
          <DraftNumberInput
            className="layer-size"
            min={0}
            step={0.0001}
            placeholder="none"
            aria-label={`${name.toUpperCase()} of layer ${position}`}
            value={penalty[name]}
            onText={(text) => set(name, text)}
          />
        </span>
      ))}
    </span>
  );
}
