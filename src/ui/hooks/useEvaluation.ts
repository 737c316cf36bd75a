import { useCallback, useEffect, useRef } from 'react';
import type { TrainerClient } from '../../page/client';
import type { Phase, Snapshot } from '../../page/store';

const WHY_NOT: Partial<Record<Phase, string>> = {
  starting: 'There is no model yet: the GPU is starting.',
  loading: 'The test images are still loading.',
  noData: 'The test images could not be loaded (see Training data below).',
  training: 'Evaluating waits until the run ends.',
  paused: 'Evaluating waits until the run ends.',
  stopping: 'Evaluating waits until the run ends.',
  finding: 'Evaluating waits for the learning-rate finder.',
  lost: 'The GPU is lost: reconnect first.',
  recovering: 'The GPU is lost: reconnect first.',
  failed: 'The GPU failed: reload the page.',
};

/** Why the answering model cannot be evaluated now, or null when it can. */
export function whyNoEvaluation(phase: Phase): string | null {
  return WHY_NOT[phase] ?? null;
}

/**
 * Evaluating the model that answers drawings on the test set, with one click; an opened saved run
 * is evaluated by itself (once the data and the device are free), so its confusion matrix and unit
 * tiles come back with it.
 */
export function useEvaluation(client: TrainerClient, snapshot: Snapshot) {
  const { phase, evaluation } = snapshot;
  /** An opened saved run waits for its evaluation. */
  const wanted = useRef(false);
  const evaluate = useCallback(() => {
    wanted.current = false;
    client.evaluate();
  }, [client]);

  useEffect(
    () =>
      client.onMessage((message) => {
        if (message.type === 'loaded') wanted.current = message.settings !== null;
        else if (message.type === 'started' || message.type === 'continued') wanted.current = false;
        else return;
        if (wanted.current && client.getSnapshot().phase === 'ready') evaluate();
      }),
    [client, evaluate],
  );
  // NOTE: opened before the data was there (or while the GPU was away): evaluated once it is ready.
  useEffect(() => {
    if (wanted.current && phase === 'ready') evaluate();
  }, [phase, evaluate]);

  const running = evaluation !== null && evaluation.result === null && evaluation.error === null;
  return { evaluation, running, whyNot: whyNoEvaluation(phase), evaluate };
}
