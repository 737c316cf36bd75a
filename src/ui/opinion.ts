// The drawing's ten class probabilities over a run, one point per prediction made while it trains.

/** The class the network reads: the most probable one (the first, on a tie). */
export function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}

/**
 * The digit the network reads, or null when its probabilities are not numbers (broken weights: an
 * overflow gives NaN, and argmax would fall back to a confident-looking 0).
 */
export function readDigit(probabilities: ArrayLike<number>): number | null {
  for (let i = 0; i < probabilities.length; i++) if (!Number.isFinite(probabilities[i])) return null;
  return argmax(probabilities);
}

export interface OpinionPoint {
  /** Batches seen when the prediction was asked for. */
  step: number;
  probabilities: number[];
}

/** Points kept; past this every other point is dropped (the latest always stays), so memory is bounded. */
export const MAX_OPINION_POINTS = 200;

/** Adds a point; one at the same step replaces the last (the weights had not moved). */
export function addOpinion(
  history: OpinionPoint[],
  point: OpinionPoint,
  max = MAX_OPINION_POINTS,
): OpinionPoint[] {
  const last = history.at(-1);
  const next = last && last.step >= point.step ? [...history.slice(0, -1), point] : [...history, point];
  if (next.length <= max) return next;
  // Thin from the front: keep even positions, and the newest point whatever its parity.
  return next.filter((_, i) => i % 2 === 0 || i === next.length - 1);
}
