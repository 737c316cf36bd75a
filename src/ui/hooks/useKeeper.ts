import { useSyncExternalStore } from 'react';
import type { KeepSnapshot, RunKeeper } from '../../page/keeper';

/** The saved runs and keep messages: `subscribe` and `getSnapshot` are stable members of the keeper. */
export function useKeeper(keeper: RunKeeper): KeepSnapshot {
  return useSyncExternalStore(keeper.subscribe, keeper.getSnapshot);
}
