import { memo, type ReactNode } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { RateChange } from '../../protocol/protocol';
import { axisWidth, type ChartRow, ticksUpTo, type ValueAxis } from '../chartData';

interface Props {
  title: string;
  /** Which way is good, e.g. "lower is better". */
  better: string;
  testId: string;
  rows: ChartRow[];
  /** Batches in the whole run: the x axis spans it from the start, so progress reads left to right. */
  totalSteps: number;
  /** The y axis: linear or log, and its ticks from the bottom to the top. */
  axis: ValueAxis;
  formatTick: (value: number) => string;
  formatValue: (value: number) => string;
  /** A CSS colour (a custom property, so that it follows the colour scheme). */
  color: string;
  /** Learning-rate changes during the run, marked where they took effect. */
  rateChanges?: RateChange[];
  /** "?" explanations of the words in the title and legend. */
  terms?: ReactNode;
  /** What the per-epoch points measure: the test set, or the validation images held out of training. */
  heldOut?: 'test' | 'validation';
  /** Marked epochs (early stopping's best epoch and its stop), at their step. */
  marks?: EpochMark[];
}

export interface EpochMark {
  step: number;
  label: string;
}

const TEST_COLOR = 'var(--test-line)';

/**
 * One metric over a run: training (faint raw, bold smoothed) and the test set after each epoch.
 * Memoised: it redraws only when its rows or axes change. Before a run its axes stand empty.
 */
export const MetricChart = memo(function MetricChart({
  title,
  better,
  testId,
  rows,
  totalSteps,
  axis,
  formatTick,
  formatValue,
  color,
  rateChanges = [],
  terms,
  heldOut = 'test',
  marks = [],
}: Props) {
  const format = (value: unknown) => (typeof value === 'number' ? formatValue(value) : String(value));
  const { ticks, scale } = axis;
  return (
    <figure
      className="chart"
      data-testid={testId}
      data-points={rows.length}
      data-scale={scale}
      data-rate-marks={rateChanges.length}
      data-held-out={heldOut}
      data-epoch-marks={marks.map((m) => m.label).join('; ')}
    >
      <figcaption>
        <span className="chart-title">
          {title}
          {terms} <span className="legend">{better}</span>
        </span>
        <span className="legend">
          <span className="swatch" style={{ background: color }} /> training (faint: raw)
          <span className="swatch dot" style={{ background: TEST_COLOR }} /> {heldOut} set, per epoch
        </span>
      </figcaption>
      <div className="chart-plot">
        <LineChart
          responsive
          style={{ width: '100%', height: '100%' }}
          data={rows}
          margin={{ top: 8, right: 16, left: 0, bottom: 0 }}
        >
          <CartesianGrid stroke="var(--grid)" />
          <XAxis
            dataKey="step"
            type="number"
            domain={[0, Math.max(1, totalSteps)]}
            ticks={ticksUpTo(totalSteps).filter((step) => step <= totalSteps && Number.isInteger(step))}
            label={{ value: 'batches seen', position: 'insideBottom', offset: 4, fill: 'var(--muted)' }}
            tick={{ fill: 'var(--muted)', fontSize: 12 }}
            stroke="var(--axis)"
            height={44}
          />
          <YAxis
            scale={scale}
            domain={[ticks[0], ticks[ticks.length - 1]]}
            allowDataOverflow
            ticks={ticks}
            interval={0}
            tickFormatter={(value: number) => formatTick(value)}
            tick={{ fill: 'var(--muted)', fontSize: 12 }}
            stroke="var(--axis)"
            width={axisWidth(ticks.map(formatTick))}
          />
          <Tooltip
            formatter={format}
            labelFormatter={(step) => `after ${step} batches`}
            contentStyle={{ background: 'var(--card)', borderColor: 'var(--line)' }}
            isAnimationActive={false}
          />
          <Line
            name="training (raw)"
            dataKey="raw"
            stroke={color}
            strokeOpacity={0.35}
            dot={false}
            isAnimationActive={false}
            connectNulls
          />
          <Line
            name="training (smoothed)"
            dataKey="smooth"
            stroke={color}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
            connectNulls
          />
          <Line
            name={heldOut}
            dataKey="test"
            stroke={TEST_COLOR}
            strokeWidth={2}
            dot={{ r: 4, fill: TEST_COLOR }}
            isAnimationActive={false}
            connectNulls
          />
          {rateChanges.map((change) => (
            <ReferenceLine
              key={change.step}
              x={change.step}
              stroke="var(--rate-mark)"
              strokeDasharray="4 3"
              label={{
                value: `lr ${change.rate}`,
                position: 'insideTopLeft',
                fill: 'var(--rate-mark)',
                fontSize: 11,
              }}
            />
          ))}
          {marks.map((mark, i) => (
            <ReferenceLine
              key={mark.label}
              x={mark.step}
              stroke="var(--muted)"
              strokeDasharray="2 2"
              // The first mark's label to the left of its line, the next's to the right: they never overlap.
              label={{
                value: mark.label,
                position: i === 0 ? 'insideBottomRight' : 'insideBottomLeft',
                fill: 'var(--muted)',
                fontSize: 11,
              }}
            />
          ))}
        </LineChart>
      </div>
    </figure>
  );
});
