// The Speedrun preset's side of the store: its latest progress, cleared when a new one is asked for,
// so the card reads state and never the worker's messages.
import type { SpeedrunProgress } from '../../protocol/speedrun';
import type { StoreEvent } from './events';

export interface SpeedrunState {
  /** The speedrun asked for last, as the worker last reported it (null: none yet, or just asked). */
  speedrun: SpeedrunProgress | null;
}

export const initialSpeedrun: SpeedrunState = { speedrun: null };

export function reduceSpeedrun(m: StoreEvent): Partial<SpeedrunState> | null {
  if (m.type === 'page:speedrun') return { speedrun: null };
  if (m.type === 'speedrunProgress') return { speedrun: m };
  return null;
}
