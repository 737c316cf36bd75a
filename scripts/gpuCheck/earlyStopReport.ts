// The 'convnetStop' section's report (earlyStopRun.ts measures it) and its lines in gpu:check's table.

export interface EarlyStopReport {
  error?: string;
  /** The run's settings as flags: epochs at most, images, patience, layers (a tiny test run's). */
  epochs?: number;
  train?: number;
  patience?: number;
  layers?: string;
  /** The test loss after each epoch trained (the monitored loss), from epoch 1. */
  testLosses?: number[];
  keptEpoch?: number;
  /** Null when the loss kept improving to the last epoch. */
  stoppedEpoch?: number | null;
  test?: { loss: number; accuracy: number };
  trainSeconds?: number;
}

/** The section's lines in the table (none when it did not run). */
export function formatEarlyStop(r: EarlyStopReport | undefined): string[] {
  if (!r) return [];
  const title = `The book's ConvNet with early stopping (patience ${r.patience ?? 1}, restore best; the test loss monitored)`;
  if (r.error) return ['', title, `  failed: ${r.error}`];
  const tiny = r.train !== undefined && r.train < 60000 ? ` [a tiny test run: ${r.train} images]` : '';
  const stop =
    r.stoppedEpoch == null
      ? `no stop: the test loss improved to the last epoch (${r.epochs})`
      : `stopped after epoch ${r.stoppedEpoch}`;
  const losses = (r.testLosses ?? []).map((l, i) => `${i + 1}: ${l.toFixed(4)}`).join(', ');
  return [
    '',
    `${title}${tiny}`,
    `  layers ${r.layers}, up to ${r.epochs} epochs on ${r.train} images; test loss per epoch ${losses}`,
    `  ${stop}; kept epoch ${r.keptEpoch}: test accuracy ${r.test?.accuracy.toFixed(4)} (loss ${r.test?.loss.toFixed(4)}); training ${r.trainSeconds?.toFixed(1)} s`,
  ];
}
