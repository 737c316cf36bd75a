// The user's test digits read by the model answering the pad: the page matches the answer to its
// latest request here, and counts each time that model changed (an epoch ended, a run ended, a saved
// run or an imported model arrived, a lost device's run restored), when the digits are read again.
import type { StoreEvent } from './events';

export interface UserDigitsState {
  /** The latest 'readDigits' request's id (0: none). */
  digitsAsked: number;
  /** The answer to that request: each digit as read, or null when the model could not read them. */
  digitsRead: { id: number; digits: Uint8Array | null; probabilities?: Float32Array } | null;
  /** Goes up each time the model answering the pad changes. */
  answeringModelVersion: number;
}

export const initialUserDigits: UserDigitsState = {
  digitsAsked: 0,
  digitsRead: null,
  answeringModelVersion: 0,
};

export function reduceUserDigits(s: UserDigitsState, m: StoreEvent): Partial<UserDigitsState> | null {
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
    default:
      return null;
  }
}
