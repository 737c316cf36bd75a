import { memo } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { RateChange } from '../../protocol/protocol';
import { type ChartRow, ticksUpTo } from '../chartData';

interface Props {
  title: string;
  testId: string;
  rows: ChartRow[];
  /** Batches in the whole run: the x axis spans it from the start, so progress reads left to right. */
  totalSteps: number;
  /** Y axis ticks, from the bottom of the axis to its top. */
  yTicks: number[];
  formatValue: (value: number) => string;
  color: string;
  /** Learning-rate changes during the run, marked where they took effect. */
  rateChanges?: RateChange[];
}

const TEST_COLOR = '#d9480f';

/**
 * One metric over a run: training (faint raw, bold smoothed) and the test set after each epoch.
 * Memoised: it redraws only when its rows or axes change.
 */
export const MetricChart = memo(function MetricChart({
  title,
  testId,
  rows,
  totalSteps,
  yTicks,
  formatValue,
  color,
  rateChanges = [],
}: Props) {
  const format = (value: unknown) => (typeof value === 'number' ? formatValue(value) : String(value));
  return (
    <figure
      className="chart"
      data-testid={testId}
      data-points={rows.length}
      data-rate-marks={rateChanges.length}
    >
      <figcaption>
        <span className="chart-title">{title}</span>
        <span className="legend">
          <span className="swatch" style={{ background: color }} /> training (faint: raw)
          <span className="swatch dot" style={{ background: TEST_COLOR }} /> test set, per epoch
        </span>
      </figcaption>
      <LineChart responsive style={{ width: '100%', height: 230 }} data={rows} margin={{ top: 8, right: 16 }}>
        <CartesianGrid stroke="#e5e7eb" />
        <XAxis
          dataKey="step"
          type="number"
          domain={[0, Math.max(1, totalSteps)]}
          ticks={ticksUpTo(totalSteps).filter((step) => step <= totalSteps && Number.isInteger(step))}
          label={{ value: 'batches seen', position: 'insideBottom', offset: 0 }}
          height={44}
        />
        <YAxis
          domain={[yTicks[0], yTicks[yTicks.length - 1]]}
          ticks={yTicks}
          tickFormatter={format}
          width={60}
        />
        <Tooltip
          formatter={format}
          labelFormatter={(step) => `after ${step} batches`}
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
          name="test"
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
            stroke="#7048e8"
            strokeDasharray="4 3"
            label={{ value: `lr ${change.rate}`, position: 'insideTopLeft', fill: '#5f3dc4', fontSize: 11 }}
          />
        ))}
      </LineChart>
    </figure>
  );
});
