// The user's test digits read by the model answering the pad: the page matches the answer to its
// latest request here, and counts each time that model changed (an epoch ended, a run ended, a saved
// run or an imported model arrived, a lost device's run restored), when the digits are read again.
// And the latest fine-tune on the user's digits: its progress, then what it gained and what it cost.
import type { FineTuneScores } from '../../protocol/myDigits';
import type { StoreEvent } from './events';

export interface FineTuneState {
  requestId: number;
  step: number;
  steps: number;
  /** Until 'fineTuned' comes. */
  running: boolean;
  before: FineTuneScores | null;
  after: FineTuneScores | null;
  cancelled: boolean;
  error: string | null;
}

export interface UserDigitsState {
  /** The latest 'readDigits' request's id (0: none). */
  digitsAsked: number;
  /** The answer to that request: each digit as read, or null when the model could not read them. */
  digitsRead: { id: number; digits: Uint8Array | null; probabilities?: Float32Array } | null;
  /** Goes up each time the model answering the pad changes. */
  answeringModelVersion: number;
  /** The latest fine-tune, or null if none was asked for. */
  fineTune: FineTuneState | null;
}

export const initialUserDigits: UserDigitsState = {
  digitsAsked: 0,
  digitsRead: null,
  answeringModelVersion: 0,
  fineTune: null,
};

export function reduceUserDigits(s: UserDigitsState, m: StoreEvent): Partial<UserDigitsState> | null {
  const tune = s.fineTune;
  switch (m.type) {
    case 'page:readDigits':
      return { digitsAsked: m.id };
    case 'digitsRead':
      return m.id === s.digitsAsked
        ? { digitsRead: { id: m.id, digits: m.digits, probabilities: m.probabilities } }
        : null;
    case 'epoch':
    case 'done':
    case 'loaded':
    case 'restored':
      return { answeringModelVersion: s.answeringModelVersion + 1 };
    case 'page:fineTune':
      return {
        fineTune: {
          requestId: m.requestId,
          step: 0,
          steps: m.steps,
          running: true,
          before: null,
          after: null,
          cancelled: false,
          error: null,
        },
      };
    case 'fineTuneProgress':
      return tune?.requestId === m.requestId ? { fineTune: { ...tune, step: m.step, steps: m.steps } } : null;
    case 'fineTuned': {
      if (tune?.requestId !== m.requestId) return null;
      const { before, after, cancelled, error } = m;
      return { fineTune: { ...tune, running: false, before, after, cancelled, error } };
    }
    default:
      return null;
  }
}
