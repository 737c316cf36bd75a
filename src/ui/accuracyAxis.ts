// The accuracy axis zooms to the range in play (#29): from 0-100% a run's interesting 95-99% is a
// few pixels high. As the loss axis switches to log, this one moves its floor up.
import type { ChartRow, ValueAxis } from './chartData';

/** Floors the axis can start at, each with its ticks up to 100%. */
const FLOORS: { floor: number; ticks: number[] }[] = [
  { floor: 0.98, ticks: [0.98, 0.985, 0.99, 0.995, 1] },
  { floor: 0.95, ticks: [0.95, 0.96, 0.97, 0.98, 0.99, 1] },
  { floor: 0.9, ticks: [0.9, 0.92, 0.94, 0.96, 0.98, 1] },
  { floor: 0.8, ticks: [0.8, 0.85, 0.9, 0.95, 1] },
  { floor: 0.5, ticks: [0.5, 0.6, 0.7, 0.8, 0.9, 1] },
];
const FULL: ValueAxis = { scale: 'linear', ticks: [0, 0.25, 0.5, 0.75, 1] };

/** Below this many points the run has barely begun: the whole 0-100%. */
const MIN_POINTS = 8;

/**
 * The values in play are the smoothed curve and the test points after the first quarter of the run
 * so far (the first batches, near chance, would hold the axis at 0% for ever); the floor is the
 * highest that keeps them all in view.
 */
export function accuracyAxis(rows: ChartRow[]): ValueAxis {
  const curve = rows.filter((r) => r.smooth !== undefined);
  if (curve.length < MIN_POINTS) return FULL;
  const from = (curve.at(-1)?.step ?? 0) / 4;
  const values = rows
    .filter((r) => r.step >= from)
    .flatMap((r) => [r.smooth, r.test])
    .filter((v): v is number => v !== undefined && Number.isFinite(v));
  const low = Math.min(...values);
  const zoomed = FLOORS.find((f) => low >= f.floor);
  return zoomed ? { scale: 'linear', ticks: zoomed.ticks } : FULL;
}

/** A tick on the accuracy axis: whole percent, or one decimal where the ticks are closer than 1%. */
export function formatAccuracyTick(value: number, ticks: number[]): string {
  const step = ticks.length > 1 ? ticks[1] - ticks[0] : 1;
  return `${(value * 100).toFixed(step < 0.0099 ? 1 : 0)}%`;
}
