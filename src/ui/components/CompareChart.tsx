import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { type ComparedRun, curvesOf } from '../../page/compare';

/** Okabe–Ito colours: told apart by people with any common colour-vision deficiency. */
export const RUN_COLORS = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9'];

interface Props {
  title: string;
  metric: 'loss' | 'accuracy';
  runs: ComparedRun[];
  format: (value: number) => string;
}

/** One metric of several runs on one axis of epochs: training thin, the test set bold with dots. */
export function CompareChart({ title, metric, runs, format }: Props) {
  const curves = runs.map(curvesOf);
  const lastEpoch = Math.max(1, ...runs.map((r) => r.settings.epochs));
  const formatAny = (value: unknown) => (typeof value === 'number' ? format(value) : String(value));
  return (
    <figure className="chart" data-testid={`compare-${metric}`} data-runs={runs.length}>
      <figcaption>
        <span className="chart-title">{title}</span>
        <span className="legend">thin: training · bold with dots: test set, per epoch</span>
      </figcaption>
      <LineChart responsive style={{ width: '100%', height: 230 }} margin={{ top: 8, right: 16 }}>
        <CartesianGrid stroke="var(--grid, #e5e7eb)" />
        <XAxis
          dataKey="epoch"
          type="number"
          domain={[0, lastEpoch]}
          allowDecimals={false}
          label={{ value: 'epochs', position: 'insideBottom', offset: 0 }}
          height={44}
        />
        <YAxis
          dataKey={metric}
          domain={metric === 'accuracy' ? [0, 1] : [0, 'auto']}
          tickFormatter={formatAny}
          width={60}
        />
        <Tooltip formatter={formatAny} labelFormatter={(epoch) => `epoch ${Number(epoch).toFixed(2)}`} />
        {runs.map((run, i) => [
          <Line
            key={`${run.id}-train`}
            data={curves[i].train}
            dataKey={metric}
            name={`${run.name} (training)`}
            stroke={RUN_COLORS[i % RUN_COLORS.length]}
            strokeOpacity={0.5}
            dot={false}
            isAnimationActive={false}
          />,
          <Line
            key={`${run.id}-test`}
            data={curves[i].test}
            dataKey={metric}
            name={`${run.name} (test)`}
            stroke={RUN_COLORS[i % RUN_COLORS.length]}
            strokeWidth={2.5}
            isAnimationActive={false}
          />,
        ])}
      </LineChart>
    </figure>
  );
}
