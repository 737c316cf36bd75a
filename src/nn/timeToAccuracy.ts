// Time to accuracy, the figure speed records use (tuomaso/train_mnist_fast, Keller Jordan's
// airbench): wall-clock from the first training step to the end of the first evaluation on all
// 10,000 test images that reaches the target, evaluations included. The warm-up (pipeline
// compilation, data upload) is timed apart. Pure: the runs come in, the summary goes out.

/** One evaluation of the whole test set during a timed run. */
export interface TimedEvaluation {
  /** Training steps done when it was taken. */
  step: number;
  accuracy: number;
  /** Seconds since the first training step, this evaluation included. */
  seconds: number;
}

/** One seed's timed run. `seconds` is null when no evaluation reached the target: a miss. */
export interface SeedRun {
  seed: number;
  seconds: number | null;
  /** Steps trained when the target was reached (or when the run ended, for a miss). */
  steps: number;
  /** The warm-up before this run, timed apart (0 when it was shared with an earlier seed). */
  warmUpSeconds: number;
  evaluations: TimedEvaluation[];
}

/** The first evaluation that reaches the target, or null (a miss). */
export function firstReaching(evaluations: TimedEvaluation[], target: number): TimedEvaluation | null {
  return evaluations.find((e) => e.accuracy >= target) ?? null;
}

export interface TimeToAccuracySummary {
  target: number;
  runs: number;
  /** Seeds that reached the target; misses = runs - reached, never dropped from the count. */
  reached: number;
  misses: number;
  missedSeeds: number[];
  /** Over the seeds that reached the target (null when none did). */
  meanSeconds: number | null;
  /** Sample standard deviation over those seeds (0 for one). */
  spreadSeconds: number | null;
  bestSeconds: number | null;
  /** The mean warm-up over all runs that had one. */
  warmUpSeconds: number | null;
}

export function summarizeRuns(runs: SeedRun[], target: number): TimeToAccuracySummary {
  const times = runs.flatMap((r) => (r.seconds === null ? [] : [r.seconds]));
  const warmUps = runs.map((r) => r.warmUpSeconds).filter((s) => s > 0);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const meanSeconds = times.length > 0 ? mean(times) : null;
  const spreadSeconds =
    meanSeconds === null
      ? null
      : times.length < 2
        ? 0
        : Math.sqrt(times.reduce((s, t) => s + (t - meanSeconds) ** 2, 0) / (times.length - 1));
  return {
    target,
    runs: runs.length,
    reached: times.length,
    misses: runs.length - times.length,
    missedSeeds: runs.filter((r) => r.seconds === null).map((r) => r.seed),
    meanSeconds,
    spreadSeconds,
    bestSeconds: times.length > 0 ? Math.min(...times) : null,
    warmUpSeconds: warmUps.length > 0 ? mean(warmUps) : null,
  };
}

/** "1.23 s", "45.6 s", "2 min 05 s". */
export function formatSeconds(seconds: number): string {
  if (seconds < 10) return `${seconds.toFixed(2)} s`;
  if (seconds < 120) return `${seconds.toFixed(1)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${String(Math.round(seconds - minutes * 60)).padStart(2, '0')} s`;
}

/** "to 99%: 2.41 s ± 0.05 (5 of 5 seeds), warm-up 1.2 s" — a miss is always said. */
export function formatSummary(s: TimeToAccuracySummary): string {
  const target = `to ${+(s.target * 100).toFixed(2)}%`;
  const seeds = `${s.reached} of ${s.runs} seed${s.runs === 1 ? '' : 's'}`;
  const missed = s.misses > 0 ? `; missed: seed ${s.missedSeeds.join(', ')}` : '';
  const warm = s.warmUpSeconds === null ? '' : `, warm-up ${formatSeconds(s.warmUpSeconds)} apart`;
  if (s.meanSeconds === null) return `${target}: never reached (${seeds}${missed})${warm}`;
  const spread = s.runs > 1 ? ` ± ${(s.spreadSeconds ?? 0).toFixed(2)}` : '';
  return `${target}: ${formatSeconds(s.meanSeconds)}${spread} (${seeds}${missed})${warm}`;
}

/**
 * Ours against a peer (PyTorch, TF.js) on the same machine: the ratio of the mean times, >1 when
 * ours is slower. Null when either side never reached the target (a miss has no time to compare).
 */
export function timeRatio(ours: TimeToAccuracySummary, peer: TimeToAccuracySummary): number | null {
  if (ours.meanSeconds === null || peer.meanSeconds === null || peer.meanSeconds <= 0) return null;
  return ours.meanSeconds / peer.meanSeconds;
}
