import type { ComparedRun } from '../../page/compare';
import { heldOutSummary } from '../../page/overfitting';

/**
 * The comparison table's overfitting rows: each run's held-out loss (validation, or test without
 * validation) at its best epoch and at its last, and the gap between it and the training loss.
 */
export function HeldOutRows({ runs }: { runs: ComparedRun[] }) {
  const summaries = runs.map((run) => heldOutSummary(run.history.epochs, run.settings));
  const cell = (run: ComparedRun, text: string | null | undefined) => <td key={run.id}>{text ?? '—'}</td>;
  return (
    <>
      <tr>
        <th scope="row">Best held-out loss (epoch)</th>
        {runs.map((run, i) => {
          const s = summaries[i];
          return cell(run, s && `${s.heldOut} ${s.best.loss.toFixed(4)} (${s.best.epoch})`);
        })}
      </tr>
      <tr>
        <th scope="row">Last held-out loss</th>
        {runs.map((run, i) => {
          const s = summaries[i];
          return cell(run, s && `${s.heldOut} ${s.last.loss.toFixed(4)} (${s.last.epoch})`);
        })}
      </tr>
      <tr data-testid="loss-gap">
        <th scope="row">Gap: held-out − training loss, last epoch</th>
        {runs.map((run, i) => {
          const s = summaries[i];
          return cell(run, s && `${s.gap >= 0 ? '+' : ''}${s.gap.toFixed(4)}`);
        })}
      </tr>
    </>
  );
}
