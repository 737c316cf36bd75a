import { type InputHTMLAttributes, useState } from 'react';

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> {
  /** The value the stack holds; undefined shows an empty box. */
  value: number | undefined;
  /** Each edit's text, to turn into the stack's value. */
  onText: (text: string) => void;
}

/**
 * A box for a decimal number that keeps what is being typed ("0.", "0.00") while it has focus: the stack keeps
 * only numbers, and "0.001" typed key by key would otherwise read back as 0, then 1.
 */
export function DraftNumberInput({ value, onText, ...input }: Props) {
  const [draft, setDraft] = useState<string | null>(null);
  return (
    // Text, not type="number": a number box reports "0." as "" and React would then clear it.
    <input
      type="text"
      inputMode="decimal"
      {...input}
      value={draft ?? (value === undefined || !Number.isFinite(value) ? '' : value)}
      onChange={(event) => {
        setDraft(event.target.value);
        onText(event.target.value);
      }}
      onBlur={() => setDraft(null)}
    />
  );
}
