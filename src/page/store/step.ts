// The step mode's state: the last Step asked for while paused, and what it did once the worker
// says (its batch's loss before and after, the units that changed most), or why it was refused.
import type { StepInspection } from '../../protocol/reports';
import type { StoreEvent } from './events';

export interface StepResult {
  requestId: number;
  /** Sent, no answer yet: Step waits. */
  pending: boolean;
  /** The last step's findings (kept while the next one is pending). */
  inspection: StepInspection | null;
  error: string | null;
}

export interface StepState {
  step: StepResult | null;
}

export const initialStep: StepState = { step: null };

export function reduceStep(s: StepState, m: StoreEvent): Partial<StepState> | null {
  switch (m.type) {
    case 'page:step':
      return {
        step: { requestId: m.requestId, pending: true, inspection: s.step?.inspection ?? null, error: null },
      };
    case 'stepped':
      return s.step?.requestId === m.requestId
        ? { step: { ...s.step, pending: false, inspection: m.inspection } }
        : null;
    case 'refused':
      return s.step?.requestId === m.requestId
        ? { step: { ...s.step, pending: false, error: m.message } }
        : null;
    // What a step found is about a paused run: it goes once the run goes on, ends or is replaced.
    case 'resumed':
    case 'started':
    case 'continued':
    case 'done':
    case 'lost':
    case 'error':
      return s.step ? { step: null } : null;
    default:
      return null;
  }
}
