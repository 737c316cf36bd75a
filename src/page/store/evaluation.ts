// An evaluation of the model that answers drawings outside a run (an imported model, an opened
// saved run): how far it has got, then its test result, or why it was refused.
import type { Evaluation } from '../../protocol/reports';
import type { StoreEvent } from './events';

export interface EvaluationState {
  evaluation: {
    requestId: number;
    /** Test images evaluated so far, of `total` (0 until the worker's first report). */
    done: number;
    total: number;
    result: Evaluation | null;
    error: string | null;
  } | null;
}

export const initialEvaluation: EvaluationState = { evaluation: null };

/** Whether a worker's answer is about the evaluation the page asked for last (not one made stale since). */
export function isCurrentEvaluation(s: EvaluationState, requestId: number): boolean {
  return s.evaluation?.requestId === requestId;
}

export function reduceEvaluation(s: EvaluationState, m: StoreEvent): Partial<EvaluationState> | null {
  switch (m.type) {
    case 'page:evaluate':
      return { evaluation: { requestId: m.requestId, done: 0, total: 0, result: null, error: null } };
    case 'evaluationProgress':
      return s.evaluation && isCurrentEvaluation(s, m.requestId)
        ? { evaluation: { ...s.evaluation, done: m.done, total: m.total } }
        : null;
    case 'evaluated':
      return s.evaluation && isCurrentEvaluation(s, m.requestId)
        ? { evaluation: { ...s.evaluation, done: s.evaluation.total, result: m.test } }
        : null;
    case 'evaluationFailed':
      return s.evaluation && isCurrentEvaluation(s, m.requestId)
        ? { evaluation: { ...s.evaluation, error: m.message } }
        : null;
    // Another model answers now: the last evaluation was of the one before.
    case 'started':
    case 'loaded':
    case 'continued':
      return s.evaluation ? { evaluation: null } : null;
    default:
      return null;
  }
}
