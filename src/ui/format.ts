// Number and time wording shared by the components (en-US, so "1,234" reads the same for every user).
import type { Progress } from '../protocol/protocol';

const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function formatCount(n: number): string {
  return whole.format(n);
}

export function formatPercent(fraction: number, digits = 1): string {
  return `${(fraction * 100).toFixed(digits)}%`;
}

/** A loss for an axis or tooltip: "2.30", "47.1", "3,021". */
export function formatLoss(loss: number): string {
  if (Math.abs(loss) >= 100) return formatCount(loss);
  return loss.toFixed(Math.abs(loss) >= 10 ? 1 : 2);
}

export function formatMegabytes(bytes: number): string {
  return (bytes / 1e6).toFixed(1);
}

/** "45 s", "3 min 5 s", "1 h 12 min". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return s % 60 === 0 ? `${s / 60} min` : `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.round((s % 3600) / 60)} min`;
}

/** Rounded the way people say it: "about 40 s", "about 3 min". */
function formatTimeLeft(seconds: number | null): string {
  if (seconds === null) return 'estimating time left';
  if (seconds < 60) return `about ${Math.max(1, Math.round(seconds / 5) * 5)} s left`;
  if (seconds < 3600) return `about ${Math.round(seconds / 60)} min left`;
  return `about ${formatDuration(Math.round(seconds / 60) * 60)} left`;
}

/**
 * Where a run is, in batches across all epochs, and the sentence for it. After an epoch ends the worker
 * reports batch 0 of the next epoch; that reads as the end of the finished one.
 */
export function describeProgress(p: Progress): {
  done: number;
  total: number;
  fraction: number;
  text: string;
} {
  const epochEnded = p.batch === 0 && p.epoch > 0;
  const epoch = epochEnded ? p.epoch : p.epoch + 1;
  const batch = epochEnded ? p.batches : p.batch;
  const text = [
    `Epoch ${epoch} of ${p.epochs}`,
    `batch ${formatCount(batch)} of ${formatCount(p.batches)}`,
    `${formatCount(p.imagesPerSecond)} images/s`,
    formatTimeLeft(p.secondsLeft),
  ].join(' · ');
  const done = p.epoch * p.batches + p.batch;
  const total = p.epochs * p.batches;
  // The worker's share counts the evaluations too; a saved run's progress has none.
  const fraction = p.fraction ?? (total > 0 ? done / total : 0);
  return { done, total, fraction, text };
}

/** An epoch's evaluation going on: "Evaluating on the 10,000 test images… 4,000 done · about 30 s left". */
export function describeEvaluation(images: string, done: number, p: Progress | null): string {
  const parts = [`Evaluating on ${images}…`];
  if (done > 0) parts.push(`${formatCount(done)} done`);
  if (p) parts.push(formatTimeLeft(p.secondsLeft));
  return parts.join(' · ').replace('… · ', '… ');
}
