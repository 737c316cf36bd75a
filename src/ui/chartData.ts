// Rows for the loss and accuracy charts: the training curve (raw and smoothed) and the test points.
import type { CurvePoint, EpochPoint } from '../page/store';
import type { EarlyStop } from '../protocol/reports';

export interface ChartRow {
  /** Batches seen since the run began. */
  step: number;
  raw?: number;
  smooth?: number;
  test?: number;
}

/** Most weight of the past in the moving average (TensorBoard's "smoothing" slider defaults to 0.6). */
const SMOOTHING = 0.6;
/** Curves shorter than this are smoothed less, so that a few points are not dragged behind. */
const FULL_SMOOTHING_POINTS = 60;

/**
 * Each report is already a mean over a few batches; an exponential moving average
 * (https://en.wikipedia.org/wiki/Exponential_smoothing) steadies it further, and the raw line stays
 * behind it, faint. A test point sits where its epoch ended; a stopped run's last epoch ended early,
 * hence the clamp to the last step trained.
 */
export function chartRows(
  curve: CurvePoint[],
  epochs: EpochPoint[],
  batchesPerEpoch: number,
  metric: 'loss' | 'accuracy',
): ChartRow[] {
  const rows: ChartRow[] = [];
  const weight = SMOOTHING * Math.min(1, curve.length / FULL_SMOOTHING_POINTS);
  let average: number | undefined;
  for (const point of curve) {
    const value = point[metric];
    average = average === undefined ? value : weight * average + (1 - weight) * value;
    rows.push({ step: point.step, raw: value, smooth: average });
  }
  const lastStep = curve.at(-1)?.step ?? 0;
  for (const e of epochs) {
    const step = Math.min(e.epoch * batchesPerEpoch, lastStep);
    rows.push({ step, test: metric === 'loss' ? e.testLoss : e.testAccuracy });
  }
  return rows.sort((a, b) => a.step - b.step);
}

/** Round ticks from 0 up to at least `max`: 0, 0.5, 1, ... or 0, 2, 4, ..., at most 6 of them. */
export function ticksUpTo(max: number): number[] {
  const top = Number.isFinite(max) && max > 0 ? max : 1;
  const magnitude = 10 ** Math.floor(Math.log10(top / 5));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => top / s <= 5) ?? 10 * magnitude;
  const count = Math.ceil(top / step - 1e-9);
  return Array.from({ length: count + 1 }, (_, i) => Number((i * step).toPrecision(6)));
}

/** A y axis: its scale and ticks, bottom to top. */
export interface ValueAxis {
  scale: 'linear' | 'log';
  ticks: number[];
}

/** Past this ratio of largest to smallest value, a linear axis flattens all but the first points. */
const LOG_SPAN = 100;

/**
 * The loss axis: linear from 0, or logarithmic (powers of ten) when the values span more than two
 * decades, as a diverging or badly scaled run's do (a first loss of 80,000, later ones near 0.1).
 */
export function lossAxis(rows: ChartRow[]): ValueAxis {
  const values = rows.flatMap((r) => [r.raw, r.test]).filter((v): v is number => v !== undefined && v > 0);
  const high = Math.max(0, ...values);
  const low = Math.min(high, ...values);
  if (low > 0 && Number.isFinite(high) && high / low > LOG_SPAN) {
    const from = Math.floor(Math.log10(low));
    const to = Math.ceil(Math.log10(high));
    return { scale: 'log', ticks: Array.from({ length: to - from + 1 }, (_, i) => 10 ** (from + i)) };
  }
  return { scale: 'linear', ticks: ticksUpTo(high) };
}

/** Pixels for a y axis whose longest tick label is `labels`' longest, so that none is cut off. */
export function axisWidth(labels: string[]): number {
  const longest = Math.max(1, ...labels.map((l) => l.length));
  return Math.ceil(20 + longest * 7.5);
}

/** Early stopping's marks on the charts: the epoch whose weights were kept, and the one it stopped after. */
export function earlyStopMarks(
  earlyStop: EarlyStop | null,
  batchesPerEpoch: number,
): { step: number; label: string }[] {
  if (!earlyStop) return [];
  const { bestEpoch, stoppedEpoch } = earlyStop;
  return [
    { step: bestEpoch * batchesPerEpoch, label: `best: epoch ${bestEpoch} (kept)` },
    { step: stoppedEpoch * batchesPerEpoch, label: `stopped after epoch ${stoppedEpoch}` },
  ];
}
