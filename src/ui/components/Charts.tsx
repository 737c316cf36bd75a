import { useDeferredValue, useMemo } from 'react';
import type { Snapshot } from '../../page/store';
import { type ChartRow, chartRows, ticksUpTo } from '../chartData';
import { formatLoss, formatPercent } from '../format';
import { MetricChart } from './MetricChart';

type Props = Pick<Snapshot, 'curve' | 'epochs' | 'progress' | 'stopped' | 'rateChanges'>;

const ACCURACY_TICKS = [0, 0.25, 0.5, 0.75, 1];
const formatAccuracy = (value: number) => formatPercent(value, 0);

function highest(rows: ChartRow[]): number {
  return Math.max(0, ...rows.map((r) => Math.max(r.raw ?? 0, r.test ?? 0)));
}

export function Charts(props: Props) {
  // NOTE: redrawing the charts is the page's heaviest work. With deferred values it happens in a
  // background render after the rest of the page has updated, and only when the data changed.
  const curve = useDeferredValue(props.curve);
  const epochs = useDeferredValue(props.epochs);
  const batches = useDeferredValue(props.progress?.batches ?? 0);
  const plannedEpochs = useDeferredValue(props.progress?.epochs ?? 0);
  const stopped = useDeferredValue(props.stopped);
  const rateChanges = useDeferredValue(props.rateChanges);
  // The axis spans the planned run, or, once a run is stopped, what it did.
  const total = stopped ? (curve.at(-1)?.step ?? 0) : plannedEpochs * batches;
  const loss = useMemo(() => chartRows(curve, epochs, batches, 'loss'), [curve, epochs, batches]);
  const accuracy = useMemo(() => chartRows(curve, epochs, batches, 'accuracy'), [curve, epochs, batches]);
  const lossTicks = useMemo(() => ticksUpTo(highest(loss)), [loss]);
  return (
    <div className="charts">
      <MetricChart
        title="Loss (cross-entropy, lower is better)"
        testId="loss-chart"
        rows={loss}
        totalSteps={total}
        yTicks={lossTicks}
        formatValue={formatLoss}
        color="#1c5dbf"
        rateChanges={rateChanges}
      />
      <MetricChart
        title="Accuracy (higher is better)"
        testId="accuracy-chart"
        rows={accuracy}
        totalSteps={total}
        yTicks={ACCURACY_TICKS}
        formatValue={formatAccuracy}
        color="#2b8a3e"
        rateChanges={rateChanges}
      />
    </div>
  );
}
