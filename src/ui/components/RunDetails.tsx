import { type ReactNode, useRef } from 'react';
import { useDismissable } from '../hooks/useDismissable';

interface Props {
  /** A word on the summary line for what matters even closed ("no GPU in use"). */
  hint?: string;
  children: ReactNode;
}

/**
 * The run's details (speed, adapter, network, the live learning rate) behind one compact line. It
 * opens over the page, never in it: the charts and the pad below keep their places. Escape or a
 * press outside closes it.
 */
export function RunDetails({ hint, children }: Props) {
  const ref = useRef<HTMLDetailsElement>(null);
  const { onToggle } = useDismissable(ref);
  return (
    <details className="run-details" data-testid="run-details" ref={ref} onToggle={onToggle}>
      <summary>Details{hint && <span className="muted"> · {hint}</span>}</summary>
      <div className="run-details-body">{children}</div>
    </details>
  );
}
