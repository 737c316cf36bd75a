export type MatrixSource = 'test' | 'yours';

/** Which images the confusion matrix counts: the test set, or the user's own test digits. */
export function MatrixSourcePicker({
  source,
  onChange,
  count,
}: {
  source: MatrixSource;
  onChange: (source: MatrixSource) => void;
  /** Your test digits read. */
  count: number;
}) {
  const options = [
    { id: 'test', label: 'The test set' },
    { id: 'yours', label: `Your test digits (${count})` },
  ] as const;
  return (
    <div role="radiogroup" aria-label="Images counted" className="matrix-source">
      {options.map((option) => (
        <label key={option.id}>
          <input
            type="radio"
            name="matrix-source"
            value={option.id}
            checked={source === option.id}
            onChange={() => onChange(option.id)}
          />{' '}
          {option.label}
        </label>
      ))}
    </div>
  );
}
