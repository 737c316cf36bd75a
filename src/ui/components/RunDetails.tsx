import type { ReactNode } from 'react';

interface Props {
  /** A word on the summary line for what matters even closed ("no GPU in use"). */
  hint?: string;
  children: ReactNode;
}

/**
 * The run's details (speed, adapter, network, the live learning rate) behind one compact line. It
 * opens over the page, never in it: the charts and the pad below keep their places.
 */
export function RunDetails({ hint, children }: Props) {
  return (
    <details className="run-details" data-testid="run-details">
      <summary>Details{hint && <span className="muted"> · {hint}</span>}</summary>
      <div className="run-details-body">{children}</div>
    </details>
  );
}
