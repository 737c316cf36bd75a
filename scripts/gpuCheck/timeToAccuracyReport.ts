// The time-to-accuracy rows of gpu:check, as text: per seed, mean ± spread, misses, and ours against
// PyTorch on the same device as a ratio. Pure (tests/gpuCheck/timeToAccuracyReport.test.ts).
import {
  formatSeconds,
  formatSummary,
  type SeedRun,
  summarizeRuns,
  type TimeToAccuracySummary,
  timeRatio,
} from '../../src/nn/timeToAccuracy';

/** One side of a section: our engine, or the PyTorch peer (which may be unavailable or fail). */
export interface TimedSide {
  name: string;
  status: 'ok' | 'failed' | 'unavailable' | 'skipped';
  reason?: string;
  /** "torch 1.13.1, NVIDIA H200, ..."; the adapter, for ours. */
  info?: string;
  warmUpSeconds?: number;
  runs?: SeedRun[];
}

export interface TimeToAccuracySection {
  recipe: string;
  title: string;
  target: number;
  /** The device and driver both sides ran on. */
  device: string;
  ours: TimedSide;
  torch: TimedSide;
}

export interface SectionFigures {
  ours: TimeToAccuracySummary | null;
  torch: TimeToAccuracySummary | null;
  /** Ours / PyTorch, mean over mean (>1: ours slower); null when either side has no time. */
  ratio: number | null;
}

function summaryOf(side: TimedSide, target: number): TimeToAccuracySummary | null {
  if (side.status !== 'ok' || !side.runs) return null;
  const summary = summarizeRuns(side.runs, target);
  // The warm-up is measured once per side, before the seeds.
  return { ...summary, warmUpSeconds: side.warmUpSeconds ?? summary.warmUpSeconds };
}

export function sectionFigures(section: TimeToAccuracySection): SectionFigures {
  const ours = summaryOf(section.ours, section.target);
  const torch = summaryOf(section.torch, section.target);
  return { ours, torch, ratio: ours && torch ? timeRatio(ours, torch) : null };
}

function sideLines(side: TimedSide, summary: TimeToAccuracySummary | null): string[] {
  const label = side.name.padEnd(8);
  if (!summary) return [`  ${label} ${side.status}${side.reason ? `: ${side.reason}` : ''}`];
  const seeds = (side.runs ?? []).map(
    (r) =>
      `seed ${r.seed}: ${r.seconds === null ? `MISS (best ${bestAccuracy(r)})` : `${formatSeconds(r.seconds)} at step ${r.steps}`}`,
  );
  return [
    `  ${label} ${formatSummary(summary)}${side.info ? ` [${side.info}]` : ''}`,
    ...seeds.map((s) => `           ${s}`),
  ];
}

const bestAccuracy = (run: SeedRun) =>
  run.evaluations.length === 0
    ? 'no evaluation'
    : `${(Math.max(...run.evaluations.map((e) => e.accuracy)) * 100).toFixed(2)}%`;

export function formatSection(section: TimeToAccuracySection): string {
  const figures = sectionFigures(section);
  const ratio =
    figures.ratio === null
      ? '  ours/PyTorch: no ratio (a side has no time to target)'
      : `  ours/PyTorch: ${figures.ratio.toFixed(2)} (${figures.ratio >= 1 ? `ours ${figures.ratio.toFixed(2)}x slower` : `ours ${(1 / figures.ratio).toFixed(2)}x faster`}), same device`;
  return [
    `Time to ${+(section.target * 100).toFixed(2)}%: ${section.title} — on ${section.device}`,
    ...sideLines(section.ours, figures.ours),
    ...sideLines(section.torch, figures.torch),
    ratio,
  ].join('\n');
}
