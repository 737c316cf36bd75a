import type { ReactNode } from 'react';
import { heldOutName } from '../../page/heldOutResult';
import type { Snapshot } from '../../page/store';
import type { Settings } from '../../protocol/settings';
import { Charts } from './Charts';

/** The live charts' card, with a line on why it is empty when it is. */
export function ChartsCard({
  snapshot,
  running,
  formSettings,
  children,
}: {
  snapshot: Snapshot;
  running: boolean;
  /** The form's settings: before any run, the legend names what Train would hold out (so it keeps its lines). */
  formSettings?: Settings;
  /** Under the charts: the finished run's summary. */
  children?: ReactNode;
}) {
  const noMetrics = snapshot.runSettings && !running && snapshot.curve.length === 0;
  return (
    <section className="card charts-card" aria-labelledby="charts-title">
      <h2 id="charts-title" className="visually-hidden">
        Live charts
      </h2>
      {noMetrics ? (
        <p className="muted chart-note">
          The run ended before its first metrics report, so there is nothing to chart.
        </p>
      ) : (
        !snapshot.runSettings && (
          <p className="muted chart-note">Loss and accuracy charts fill in here once training starts.</p>
        )
      )}
      <Charts
        curve={snapshot.curve}
        epochs={snapshot.epochs}
        progress={snapshot.progress}
        stopped={snapshot.stopped}
        rateChanges={snapshot.rateChanges}
        heldOut={heldOutName(snapshot.runSettings ?? formSettings ?? null)}
        earlyStop={snapshot.earlyStop}
      />
      {children}
    </section>
  );
}
