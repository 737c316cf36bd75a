import type { Snapshot } from '../../page/store';
import { runSummary } from '../runSummary';

type Props = Pick<Snapshot, 'curve' | 'finalTest' | 'confusion' | 'stopped' | 'earlyStop' | 'runSettings'>;

/**
 * After a run, under the charts: what happened in a sentence of its own figures (src/ui/runSummary.ts),
 * then what the held-out curve was: where early stopping stopped and which epoch it kept (the charts
 * mark both), and why the test set was measured only at the end. Here, not in the run's status,
 * whose reserved height holds the result and no more (a screen that stays still, #29).
 */
export function RunSummary({ curve, finalTest, confusion, stopped, earlyStop, runSettings }: Props) {
  const text = runSummary({ curve, test: finalTest, confusion, stopped });
  const validation = runSettings?.validation ?? 0;
  const heldOut = validation > 0 ? 'validation' : 'test';
  if (!text && !earlyStop && validation === 0) return null;
  return (
    <>
      {text && (
        <p className="run-summary" data-testid="run-summary">
          {text}
        </p>
      )}
      {earlyStop && (
        <p className="run-summary" data-testid="early-stop">
          Early stopping: the {heldOut} loss did not improve after epoch {earlyStop.bestEpoch}, so training
          stopped after epoch {earlyStop.stoppedEpoch} and went back to epoch {earlyStop.bestEpoch}'s weights.
        </p>
      )}
      {validation > 0 && (
        <p className="run-summary muted" data-testid="validation-note">
          The curves show the {validation.toLocaleString('en-US')} validation images held out of training; the
          test set was measured once, at the end, so that nothing chosen while watching the curves was tuned
          on it.
        </p>
      )}
    </>
  );
}
