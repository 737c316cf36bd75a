import { useSyncExternalStore } from 'react';
import type { TrainerClient } from '../../page/client';
import type { Snapshot } from '../../page/store';

/** The one subscription to the trainer: `subscribe` and `getSnapshot` are stable members of the client. */
export function useTrainer(client: TrainerClient): Snapshot {
  return useSyncExternalStore(client.subscribe, client.getSnapshot);
}
