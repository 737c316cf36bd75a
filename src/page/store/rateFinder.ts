// The learning-rate finder's state: its points as they come, then the suggested rate.
import type { RatePoint } from '../../protocol/reports';
import type { StoreEvent } from './events';

export interface RateFinderResult {
  points: RatePoint[];
  /** Batches the sweep would take at most (0 until its first report). */
  steps: number;
  done: boolean;
  suggestion: number | null;
  error: string | null;
}

export interface RateFinderState {
  rateFinder: RateFinderResult | null;
}

export const initialRateFinder: RateFinderState = { rateFinder: null };

export function reduceRateFinder(m: StoreEvent): Partial<RateFinderState> | null {
  switch (m.type) {
    case 'page:findRate':
      return { rateFinder: { points: [], steps: 0, done: false, suggestion: null, error: null } };
    case 'rateFinder':
      return {
        rateFinder: {
          points: m.points,
          steps: m.steps,
          done: m.done,
          suggestion: m.suggestion,
          error: m.error ?? null,
        },
      };
    default:
      return null;
  }
}
