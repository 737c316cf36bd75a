import { useDeferredValue, useMemo } from 'react';
import type { Snapshot } from '../../page/store';
import { accuracyAxis, formatAccuracyTick } from '../accuracyAxis';
import { chartRows, earlyStopMarks, lossAxis } from '../chartData';
import { formatCount, formatLoss, formatPercent } from '../format';
import { MetricChart } from './MetricChart';
import { Term } from './Term';

type Props = Pick<Snapshot, 'curve' | 'epochs' | 'progress' | 'stopped' | 'rateChanges'> &
  Partial<Pick<Snapshot, 'earlyStop'>> & {
    /** What the per-epoch points measure (validation images held out, or the test set). */
    heldOut?: 'test' | 'validation';
  };

/** Tooltips: 98.1%, not 98%. */
const formatAccuracy = (value: number) => formatPercent(value, 1);
/** Powers of ten on a log axis: "1,000", "10", "0.1", "0.001". */
const formatLogTick = (value: number) => (value >= 1 ? formatCount(value) : String(value));

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
  const axis = useMemo(() => lossAxis(loss), [loss]);
  const marks = useMemo(() => earlyStopMarks(props.earlyStop ?? null, batches), [props.earlyStop, batches]);
  const { heldOut } = props;
  const accuracyTicks = useMemo(() => accuracyAxis(accuracy), [accuracy]);
  // Where each epoch but the last ended, marked on the batch axis.
  const epochMarks = useMemo(
    () =>
      Array.from({ length: Math.max(0, plannedEpochs - 1) }, (_, i) => (i + 1) * batches).filter(
        (s) => s <= total,
      ),
    [plannedEpochs, batches, total],
  );
  return (
    <div className="charts">
      <MetricChart
        title={`Loss (cross-entropy${axis.scale === 'log' ? ', log scale' : ''})`}
        better="lower is better"
        testId="loss-chart"
        rows={loss}
        totalSteps={total}
        axis={axis}
        formatTick={axis.scale === 'log' ? formatLogTick : formatLoss}
        formatValue={formatLoss}
        color="var(--loss-line)"
        rateChanges={rateChanges}
        terms={
          <>
            <Term id="loss" />
          </>
        }
        heldOut={heldOut}
        marks={marks}
        epochMarks={epochMarks}
      />
      <MetricChart
        title="Accuracy"
        better="higher is better"
        testId="accuracy-chart"
        rows={accuracy}
        totalSteps={total}
        axis={accuracyTicks}
        formatTick={(value) => formatAccuracyTick(value, accuracyTicks.ticks)}
        formatValue={formatAccuracy}
        color="var(--accuracy-line)"
        rateChanges={rateChanges}
        terms={
          <>
            <Term id="accuracy" />
          </>
        }
        heldOut={heldOut}
        marks={marks}
        epochMarks={epochMarks}
      />
    </div>
  );
}
