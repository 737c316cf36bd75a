import type { Snapshot } from '../../page/store';
import { runSummary } from '../runSummary';

type Props = Pick<Snapshot, 'curve' | 'finalTest' | 'confusion' | 'stopped'>;

/** After a run, what happened in a sentence of its own figures (src/ui/runSummary.ts). */
export function RunSummary({ curve, finalTest, confusion, stopped }: Props) {
  const text = runSummary({ curve, test: finalTest, confusion, stopped });
  return text ? (
    <p className="run-summary" data-testid="run-summary">
      {text}
    </p>
  ) : null;
}
