import { useCallback } from 'react';
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
 * Evaluating the model that answers drawings on the test set, with one click (an opened saved run
 * is evaluated by itself: page/client.ts).
 */
export function useEvaluation(client: TrainerClient, snapshot: Snapshot) {
  const { phase, evaluation } = snapshot;
  const evaluate = useCallback(() => client.evaluate(), [client]);
  const running = evaluation !== null && evaluation.result === null && evaluation.error === null;
  return { evaluation, running, whyNot: whyNoEvaluation(phase), evaluate };
}
