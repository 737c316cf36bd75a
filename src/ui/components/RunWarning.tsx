import { useMemo } from 'react';
import { runWarning } from '../../page/runHealth';
import type { CurvePoint } from '../../page/store';

/** A run that looks like it is not learning (src/page/runHealth.ts says when), said while it runs. */
export function RunWarning({ curve }: { curve: readonly CurvePoint[] }) {
  const warning = useMemo(() => runWarning(curve), [curve]);
  if (!warning) return null;
  return (
    <p className="alert" role="status" data-testid="run-warning">
      <strong>This run is not learning:</strong> {warning}
    </p>
  );
}
