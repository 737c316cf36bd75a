import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { type ComparedRun, curvesOf } from '../../page/compare';
import { axisWidth, ticksUpTo } from '../chartData';

/** Okabe–Ito colours: told apart by people with any common colour-vision deficiency. */
export const RUN_COLORS = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9'];

interface Props {
  title: string;
  metric: 'loss' | 'accuracy';
  runs: ComparedRun[];
  format: (value: number) => string;
}

type Row = { epoch: number } & Record<string, number>;

/** One row per x value, holding `train<i>` and `test<i>` for the runs that have a point there. */
function mergedRows(runs: ComparedRun[], metric: 'loss' | 'accuracy'): Row[] {
  const byEpoch = new Map<number, Row>();
  const put = (epoch: number, key: string, value: number) => {
    const row = byEpoch.get(epoch) ?? { epoch };
    row[key] = value;
    byEpoch.set(epoch, row);
  };
  runs.forEach((run, i) => {
    const { train, test } = curvesOf(run);
    for (const p of train) put(p.epoch, `train${i}`, p[metric]);
    for (const p of test) put(p.epoch, `test${i}`, p[metric]);
  });
  return [...byEpoch.values()].sort((a, b) => a.epoch - b.epoch);
}

/** One metric of several runs on one axis of epochs: training thin, the test set bold with dots. */
export function CompareChart({ title, metric, runs, format }: Props) {
  const rows = mergedRows(runs, metric);
  // A diverging run's loss dwarfs the others: past two decades apart, a log axis shows them all.
  const values = rows.flatMap((r) => Object.entries(r).flatMap(([k, v]) => (k === 'epoch' ? [] : [v])));
  const logScale = metric === 'loss' && Math.max(...values) > 100 * Math.min(...values.filter((v) => v > 0));
  const lastEpoch = Math.max(1, ...runs.map((r) => r.settings.epochs));
  const formatAny = (value: unknown) => (typeof value === 'number' ? format(value) : String(value));
  // Ticks chosen here, so that the axis is as wide as its longest label ("100.00%") and none is cut.
  const ticks =
    metric === 'accuracy'
      ? [0, 0.25, 0.5, 0.75, 1]
      : logScale
        ? undefined
        : ticksUpTo(Math.max(0, ...values.filter(Number.isFinite)));
  const labels = (ticks ?? values.slice(0, 1)).map(format);
  return (
    <figure
      className="chart"
      data-testid={`compare-${metric}`}
      data-runs={runs.length}
      data-scale={logScale ? 'log' : 'linear'}
    >
      <figcaption>
        <span className="chart-title">
          {title}
          {logScale && ' (log scale)'}
        </span>
        <span className="legend">thin: training · bold with dots: test set, per epoch</span>
      </figcaption>
      <LineChart
        responsive
        style={{ width: '100%', height: 230 }}
        data={rows}
        margin={{ top: 8, right: 16, left: 0, bottom: 6 }}
      >
        <CartesianGrid stroke="var(--grid)" />
        <XAxis
          dataKey="epoch"
          type="number"
          domain={[0, lastEpoch]}
          allowDecimals={false}
          label={{ value: 'epochs', position: 'insideBottom', offset: 0, fill: 'var(--muted)' }}
          tick={{ fill: 'var(--muted)', fontSize: 12 }}
          height={40}
        />
        <YAxis
          domain={ticks ? [ticks[0], ticks[ticks.length - 1]] : [0, 'auto']}
          ticks={ticks}
          interval={0}
          tickFormatter={formatAny}
          tick={{ fill: 'var(--muted)', fontSize: 12 }}
          width={axisWidth(labels)}
        />
        {/* The tooltip wraps its long run names inside the chart, never over the one beside it. */}
        <Tooltip
          formatter={formatAny}
          labelFormatter={(epoch) => `epoch ${Number(epoch).toFixed(2)}`}
          wrapperStyle={{ maxWidth: '85%', zIndex: 5 }}
          contentStyle={{
            background: 'var(--card)',
            borderColor: 'var(--line)',
            whiteSpace: 'normal',
            fontSize: 12,
          }}
          allowEscapeViewBox={{ x: false, y: false }}
        />
        {runs.map((run, i) => [
          <Line
            key={`${run.id}-train`}
            dataKey={`train${i}`}
            name={`${run.name} (training)`}
            stroke={RUN_COLORS[i % RUN_COLORS.length]}
            strokeOpacity={0.5}
            dot={false}
            isAnimationActive={false}
            connectNulls
          />,
          <Line
            key={`${run.id}-test`}
            dataKey={`test${i}`}
            name={`${run.name} (test)`}
            stroke={RUN_COLORS[i % RUN_COLORS.length]}
            strokeWidth={2.5}
            isAnimationActive={false}
            connectNulls
          />,
        ])}
      </LineChart>
    </figure>
  );
}
