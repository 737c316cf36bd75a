import { useSyncExternalStore } from 'react';
import type { DigitsSnapshot, UserDigitsKeeper } from '../../page/userDigitsKeeper';

/** Your digits as kept: `subscribe` and `getSnapshot` are stable members of the keeper. */
export function useUserDigits(keeper: UserDigitsKeeper): DigitsSnapshot {
  return useSyncExternalStore(keeper.subscribe, keeper.getSnapshot);
}
