import { memo } from 'react';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { formatPercent } from '../format';
import type { OpinionPoint } from '../opinion';

/** Ten distinguishable colours (Tableau 10), one per digit. */
const COLORS = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#666666',
];

function summary(history: OpinionPoint[]): string {
  const last = history.at(-1);
  if (!last) return '';
  const digit = last.probabilities.indexOf(Math.max(...last.probabilities));
  const first = history.find((p) => p.probabilities.indexOf(Math.max(...p.probabilities)) === digit);
  return `After ${last.step} batches it reads ${digit} (${formatPercent(last.probabilities[digit], 0)}); it has read ${digit} since batch ${first?.step ?? last.step}.`;
}

/** The drawing's ten class probabilities over the batches of the run, as the network learned. */
export const OpinionChart = memo(function OpinionChart({ history }: { history: OpinionPoint[] }) {
  const rows = history.map((p) => ({
    step: p.step,
    ...Object.fromEntries(p.probabilities.map((v, d) => [`d${d}`, v])),
  }));
  return (
    <figure className="chart opinion" data-testid="opinion-chart" data-points={history.length}>
      <figcaption>
        <span className="legend">
          Probability of each digit for your drawing, against the batches seen. {summary(history)}
        </span>
      </figcaption>
      <LineChart
        responsive
        style={{ width: '100%', height: 200 }}
        data={rows}
        margin={{ top: 8, right: 16, left: 8 }}
      >
        <CartesianGrid stroke="#e5e7eb" />
        <XAxis
          dataKey="step"
          type="number"
          domain={[0, 'dataMax']}
          label={{ value: 'batches seen', position: 'insideBottom', offset: 0 }}
          height={40}
        />
        <YAxis
          domain={[0, 1]}
          ticks={[0, 0.5, 1]}
          tickFormatter={(v: number) => formatPercent(v, 0)}
          width={48}
        />
        <Tooltip
          formatter={(v: unknown) => (typeof v === 'number' ? formatPercent(v, 1) : String(v))}
          labelFormatter={(step) => `after ${step} batches`}
          isAnimationActive={false}
        />
        {COLORS.map((color, d) => (
          <Line
            key={color}
            name={String(d)}
            dataKey={`d${d}`}
            stroke={color}
            strokeWidth={2}
            dot={history.length < 20}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
      <p className="digit-key" aria-hidden="true">
        {COLORS.map((color, d) => (
          <span key={color}>
            <span className="swatch" style={{ background: color }} />
            {d}
          </span>
        ))}
      </p>
    </figure>
  );
});
