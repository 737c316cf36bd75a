import { useState } from 'react';
import type { RateChange } from '../../protocol/protocol';
import { validateSetting } from '../../protocol/settings';

interface Props {
  /** The learning rate the run started with. */
  learningRate: number;
  rateChanges: RateChange[];
  onChange: (learningRate: number) => void;
}

/**
 * Changes the learning rate of the run going on: from its next batch, marked on the charts, kept
 * with the run (saved, resumed, compared). Checked as the form checks the rate.
 */
export function RateControl({ learningRate, rateChanges, onChange }: Props) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const last = rateChanges.at(-1);
  const apply = () => {
    const { value, error } = validateSetting('learningRate', text);
    setError(error ?? null);
    if (value !== undefined) {
      onChange(value as number);
      setText('');
    }
  };
  return (
    <form
      className="rate-control"
      onSubmit={(event) => {
        event.preventDefault();
        apply();
      }}
    >
      <label htmlFor="rate-now">Change the learning rate now</label>
      <input
        id="rate-now"
        type="text"
        inputMode="decimal"
        autoComplete="off"
        placeholder={String(last?.rate ?? learningRate)}
        value={text}
        aria-invalid={error !== null}
        aria-describedby="rate-now-message"
        onChange={(event) => setText(event.target.value)}
      />
      <button type="submit" disabled={text.trim() === ''}>
        Apply
      </button>
      <span id="rate-now-message" role="status" className={error ? 'error' : 'muted'}>
        {error ??
          (last
            ? `Learning rate ${last.rate} since batch ${last.step} (started at ${learningRate}).`
            : `Learning rate ${learningRate}; a new one takes effect from the next batch.`)}
      </span>
    </form>
  );
}
