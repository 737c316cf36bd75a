interface Props {
  value: number;
  max: number;
  /** What the bar stands for, read by screen readers. */
  label: string;
  /** The value in words, e.g. "3.2 of 11.2 MB". */
  valueText: string;
  /** The share filled when it is not value / max (a run's bar counts its evaluations' time too). */
  fill?: number;
}

export function ProgressBar({ value, max, label, valueText, fill }: Props) {
  const fraction = fill ?? (max > 0 ? Math.min(1, value / max) : 0);
  return (
    <div
      className="progress"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={value}
      aria-valuetext={valueText}
    >
      <div className="progress-fill" style={{ width: `${fraction * 100}%` }} />
    </div>
  );
}
