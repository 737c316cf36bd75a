import { useMemo } from 'react';
import type { Snapshot } from '../../train/store';
import { type ChartRow, chartRows, ticksUpTo } from '../chartData';
import { formatLoss, formatPercent } from '../format';
import { MetricChart } from './MetricChart';

type Props = Pick<Snapshot, 'curve' | 'epochs' | 'progress' | 'stopped'>;

const ACCURACY_TICKS = [0, 0.25, 0.5, 0.75, 1];

function highest(rows: ChartRow[]): number {
  return Math.max(0, ...rows.map((r) => Math.max(r.raw ?? 0, r.test ?? 0)));
}

export function Charts({ curve, epochs, progress, stopped }: Props) {
  const batches = progress?.batches ?? 0;
  // The axis spans the planned run, or, once a run is stopped, what it did.
  const total = stopped ? (curve.at(-1)?.step ?? 0) : progress ? progress.epochs * batches : 0;
  const loss = useMemo(() => chartRows(curve, epochs, batches, 'loss'), [curve, epochs, batches]);
  const accuracy = useMemo(() => chartRows(curve, epochs, batches, 'accuracy'), [curve, epochs, batches]);
  return (
    <div className="charts">
      <MetricChart
        title="Loss (cross-entropy, lower is better)"
        testId="loss-chart"
        rows={loss}
        totalSteps={total}
        yTicks={ticksUpTo(highest(loss))}
        formatValue={formatLoss}
        color="#1c5dbf"
      />
      <MetricChart
        title="Accuracy (higher is better)"
        testId="accuracy-chart"
        rows={accuracy}
        totalSteps={total}
        yTicks={ACCURACY_TICKS}
        formatValue={(v) => formatPercent(v, 0)}
        color="#2b8a3e"
      />
    </div>
  );
}
