import { useEffect, useState } from 'react';
import type { TrainerClient } from '../../page/client';
import { type BestTime, bestTime, keepIfBest } from '../../page/speedrunBest';
import { PUBLISHED_FIGURES, type SpeedrunProgress, type SpeedrunRequest } from '../../protocol/speedrun';

interface Props {
  client: TrainerClient;
  /** The speedrun asked for last, as the worker last reported it (the store's). */
  progress: SpeedrunProgress | null;
  adapter: string | null;
  fallback: boolean;
  canStart: boolean;
}

/** "0.84 s", "12.3 s", "4 min 05 s". */
export function formatTime(seconds: number): string {
  if (seconds < 10) return `${seconds.toFixed(2)} s`;
  if (seconds < 120) return `${seconds.toFixed(1)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${String(Math.round(seconds - minutes * 60)).padStart(2, '0')} s`;
}

const percent = (x: number) => `${+(x * 100).toFixed(2)}%`;

/** A test's tiny run from the address (?speedrunTarget=0.3&speedrunSteps=4&speedrunTrain=1024&speedrunTest=500). */
function requestFromAddress(): SpeedrunRequest {
  const query = new URLSearchParams(window.location.search);
  const number = (name: string) => {
    const value = Number(query.get(name) ?? Number.NaN);
    return Number.isFinite(value) && value > 0 ? value : undefined;
  };
  return {
    type: 'speedrun',
    seed: 1,
    target: number('speedrunTarget'),
    maxSteps: number('speedrunSteps'),
    train: number('speedrunTrain'),
    test: number('speedrunTest'),
  };
}

/**
 * The Speedrun preset: the speedrun recipe (a small ConvNet, Adam with a one-cycle rate, batch 256)
 * timed from its first step to the first evaluation on the 10,000 test images that reaches 99%,
 * the warm-up apart; the published records beside it with their hardware; the best time kept for
 * this adapter. docs/speedrun.md.
 */
export function SpeedrunPanel({ client, progress, adapter, fallback, canStart }: Props) {
  const [best, setBest] = useState<BestTime | null>(null);
  const [improved, setImproved] = useState(false);

  useEffect(() => setBest(adapter ? bestTime(localStorage, adapter) : null), [adapter]);
  // A finished full run is kept once: each report is a new object, and 'done' comes once per run.
  useEffect(() => {
    if (progress?.phase !== 'done' || progress.seconds === null || !progress.fullRecipe) return;
    const kept = keepIfBest(localStorage, progress.adapter, progress.seconds, new Date().toISOString());
    setBest(kept.best);
    setImproved(kept.improved);
  }, [progress]);

  const running = progress !== null && progress.phase !== 'done';
  const last = progress?.evaluations.at(-1);
  const start = () => {
    setImproved(false);
    client.speedrun(requestFromAddress());
  };
  return (
    <section className="card speedrun" aria-labelledby="speedrun-title">
      <h2 id="speedrun-title">Speedrun</h2>
      <p className="muted">
        Reach 99% as fast as your GPU can: a small ConvNet (conv 24, pool, conv 32, pool, dense 256), Adam
        with a one-cycle learning rate, batch 256, for at most two epochs. The clock runs from the first
        training step to the end of the first evaluation on all 10,000 test images that reaches 99%
        (evaluations count); compiling the pipelines is timed apart. Nothing is kept but the time.
      </p>
      <p>
        {running ? (
          <button type="button" onClick={() => client.stopSpeedrun()}>
            Stop the speedrun
          </button>
        ) : (
          <button type="button" disabled={!canStart} onClick={start}>
            Reach 99% as fast as your GPU can
          </button>
        )}{' '}
        <span role="status" data-testid="speedrun-status">
          {progress?.phase === 'warmUp' && 'Warming up: compiling the pipelines…'}
          {progress?.phase === 'running' &&
            (last
              ? `Running: ${percent(last.accuracy)} after ${last.step} steps, ${formatTime(last.seconds)}…`
              : 'Running…')}
          {progress?.phase === 'done' &&
            !progress.error &&
            (progress.seconds !== null
              ? `Reached ${percent(progress.target)} in ${formatTime(progress.seconds)}.`
              : `Missed: ${percent(progress.target)} was not reached${last ? ` (best ${percent(Math.max(...progress.evaluations.map((e) => e.accuracy)))})` : ''}.`)}
        </span>
      </p>
      {progress?.error && (
        <p role="alert" className="error">
          {progress.error}
        </p>
      )}
      {progress && (
        <dl className="speedrun-figures">
          <dt>Time to {percent(progress.target)}</dt>
          <dd data-testid="speedrun-time">
            {progress.seconds === null ? '—' : formatTime(progress.seconds)}
          </dd>
          <dt>Warm-up (apart)</dt>
          <dd>{progress.warmUpSeconds === null ? '…' : formatTime(progress.warmUpSeconds)}</dd>
          <dt>Adapter</dt>
          <dd>{progress.adapter || 'unknown'}</dd>
        </dl>
      )}
      {best && adapter && (
        <p data-testid="speedrun-best">
          Your best on this adapter: {formatTime(best.seconds)}
          {improved ? ' (this run: a new best)' : ''}.
        </p>
      )}
      {fallback && (
        <p className="muted" role="note">
          This browser runs WebGPU on the CPU (a software adapter), so this time measures your processor
          through an emulated GPU, tens to hundreds of times slower than a GPU: it says nothing of what the
          recipe does on graphics hardware.
        </p>
      )}
      <h3>Published figures (other machines, other code)</h3>
      <ul>
        {PUBLISHED_FIGURES.map((f) => (
          <li key={f.source}>
            {f.seconds} s{f.spread ? ` ± ${f.spread}` : ''}: {f.what}, on {f.hardware} (
            <a href={f.source} rel="noreferrer" target="_blank">
              {f.source.replace('https://github.com/', '')}
            </a>
            ).
          </li>
        ))}
      </ul>
      <p className="muted">
        These ran on other hardware with PyTorch: set beside yours for scale, not as a race on one machine.
        (tuomaso's figure is the mean over seeds of one epoch whose mean accuracy is 99.04%; ours stops each
        run at its own first evaluation reaching 99%.)
      </p>
    </section>
  );
}
