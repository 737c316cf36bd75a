import { CartesianGrid, Line, LineChart, ReferenceDot, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { Phase, RateFinderResult } from '../../page/store';
import { DEFAULT_SWEEP, type RatePoint } from '../../protocol/reports';
import { Term } from './Term';

interface Props {
  phase: Phase;
  result: RateFinderResult | null;
  canStart: boolean;
  onFind: () => void;
  onStop: () => void;
  onUse: (learningRate: string) => void;
}

/** 0.00231 → "0.0023": two significant digits, as a person would type the rate. */
export function roundRate(rate: number): string {
  return String(Number(rate.toPrecision(2)));
}

/** The swept point whose rate is nearest (on the log scale) to `rate`: where the suggestion sits on the curve. */
function nearestPoint(points: RatePoint[], rate: number): RatePoint | null {
  let best: RatePoint | null = null;
  for (const point of points)
    if (!best || Math.abs(Math.log(point.learningRate / rate)) < Math.abs(Math.log(best.learningRate / rate)))
      best = point;
  return best;
}

const formatRate = (value: unknown) =>
  typeof value === 'number' ? value.toExponential(0).replace('e+', 'e') : '';

/**
 * The learning-rate finder: a short sweep from fresh weights with the rate rising every batch, the
 * loss against the rate on a log axis, and the rate it suggests, applied with one click.
 */
export function RateFinderPanel({ phase, result, canStart, onFind, onStop, onUse }: Props) {
  const running = phase === 'finding';
  const suggestion = result?.done && result.suggestion !== null ? roundRate(result.suggestion) : null;
  const marked =
    result?.done && result.suggestion !== null ? nearestPoint(result.points, result.suggestion) : null;
  return (
    <section className="card rate-finder" aria-labelledby="rate-finder-title">
      <h2 id="rate-finder-title">Find a learning rate</h2>
      <p className="muted">
        A short test run from fresh weights (at most {DEFAULT_SWEEP.steps} batches, nothing kept): the rate
        rises ten-fold every few batches, from {DEFAULT_SWEEP.minRate} to {DEFAULT_SWEEP.maxRate}, until the
        loss blows up. A good rate is where the loss falls fastest, a little before its lowest point (Leslie
        Smith's range test, as fastai's lr_find)
        <Term id="rateFinder" />.
      </p>
      <p>
        {running ? (
          <button type="button" onClick={onStop}>
            Stop the sweep
          </button>
        ) : (
          <button type="button" disabled={!canStart} onClick={onFind}>
            Find a learning rate
          </button>
        )}{' '}
        <span role="status">
          {running && `Sweeping: batch ${result?.points.length ?? 0} of at most ${DEFAULT_SWEEP.steps}…`}
          {suggestion && `Suggested learning rate: ${suggestion}`}
          {result?.done &&
            !result.error &&
            !suggestion &&
            'The loss never fell: no rate to suggest. Try more training images.'}
        </span>{' '}
        {suggestion && !running && (
          <button type="button" onClick={() => onUse(suggestion)}>
            Use {suggestion}
          </button>
        )}
      </p>
      {result?.error && <p role="alert">{result.error}</p>}
      {result && result.points.length > 0 && (
        <figure className="chart" data-testid="rate-finder-chart" data-points={result.points.length}>
          <figcaption>
            <span className="chart-title">Loss against learning rate (log scale)</span>
            <span className="legend">
              faint: each batch · bold: smoothed
              {suggestion && ` · dashed line and dot: the suggested rate, ${suggestion}`}
            </span>
          </figcaption>
          <LineChart
            responsive
            style={{ width: '100%', height: 230 }}
            data={result.points}
            margin={{ top: 8, right: 16 }}
          >
            <CartesianGrid stroke="var(--grid)" />
            <XAxis
              dataKey="learningRate"
              type="number"
              scale="log"
              domain={[DEFAULT_SWEEP.minRate, DEFAULT_SWEEP.maxRate]}
              ticks={[1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1, 10]}
              tickFormatter={formatRate}
              label={{ value: 'learning rate', position: 'insideBottom', offset: 4, fill: 'var(--muted)' }}
              tick={{ fill: 'var(--muted)', fontSize: 12 }}
              stroke="var(--axis)"
              height={44}
            />
            {/* Clipped at twice the starting loss: the blow-up's spikes would flatten the part that matters. */}
            <YAxis
              domain={[0, Math.max(1, 2 * result.points[0].smoothed)]}
              allowDataOverflow
              width={60}
              tick={{ fill: 'var(--muted)', fontSize: 12 }}
              stroke="var(--axis)"
              tickFormatter={(v: number) => v.toFixed(1)}
            />
            <Tooltip labelFormatter={(rate) => `rate ${Number(rate).toPrecision(2)}`} />
            <Line
              dataKey="loss"
              name="loss"
              stroke="var(--loss-line)"
              strokeOpacity={0.35}
              dot={false}
              isAnimationActive={false}
            />
            <Line
              dataKey="smoothed"
              name="smoothed"
              stroke="var(--loss-line)"
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
            />
            {/* The suggestion on the curve; its value is written in the caption, where no edge can clip it. */}
            {marked && <ReferenceLine x={marked.learningRate} stroke="var(--accent)" strokeDasharray="4 3" />}
            {marked && (
              <ReferenceDot
                x={marked.learningRate}
                y={marked.smoothed}
                r={5}
                fill="var(--accent)"
                stroke="var(--card)"
              />
            )}
          </LineChart>
        </figure>
      )}
    </section>
  );
}
