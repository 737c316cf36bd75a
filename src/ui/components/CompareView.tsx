import type { ReactNode } from 'react';
import {
  comparedSettings,
  differingSettings,
  finalResult,
  MAX_COMPARED,
  settingText,
} from '../../page/compare';
import { testResultOf } from '../../page/heldOutResult';
import type { KeepSnapshot } from '../../page/keeper';
import { isUnreadable, type SavedRunInfo } from '../../page/savedRuns';
import { SETTING_LABELS } from '../../protocol/settings';
import type { Comparison } from '../hooks/useComparison';
import { CompareChart, RUN_COLORS } from './CompareChart';
import { HeldOutRows } from './HeldOutRows';

const percent = (value: number) => `${(value * 100).toFixed(2)}%`;

/**
 * Runs side by side: pick saved runs (the one training included, live), see their curves on the same
 * axes and their settings in a table where the settings that differ are marked.
 */
export function CompareView({
  keep,
  comparison,
  presets,
}: {
  keep: KeepSnapshot;
  comparison: Comparison;
  presets: ReactNode;
}) {
  const { selected, toggle, runs, missing, error } = comparison;
  const differing = differingSettings(runs);
  const full = selected.length >= MAX_COMPARED;
  // A damaged record is listed (with Delete) in Keep & share; it has no curves to compare.
  const readable = keep.runs.filter((r): r is SavedRunInfo => !isUnreadable(r));
  return (
    <section className="card compare" aria-labelledby="compare-heading">
      <h2 id="compare-heading">Compare runs</h2>
      {presets}
      {readable.length === 0 ? (
        <p className="muted">
          Runs are saved at the end of each epoch: train one, then another, to compare them.
        </p>
      ) : (
        <fieldset className="compare-picker">
          <legend>Runs to compare (up to {MAX_COMPARED}); the comparison is in the page's link</legend>
          {readable.map((info) => (
            <label key={info.id}>
              <input
                type="checkbox"
                checked={selected.includes(info.id)}
                disabled={full && !selected.includes(info.id)}
                onChange={() => toggle(info.id)}
              />
              {info.name}
              {info.id === keep.currentId && ' (current)'}
              {info.testAccuracy !== null && <span className="muted"> · {percent(info.testAccuracy)}</span>}
            </label>
          ))}
        </fieldset>
      )}
      {missing.length > 0 && (
        <p role="status">
          {missing.length === 1 ? 'One run' : `${missing.length} runs`} in this link{' '}
          {missing.length === 1 ? 'is' : 'are'} not saved in this browser: runs live in the browser that
          trained them. Their settings travel in a run's own link (Copy link).
        </p>
      )}
      {error && <p role="alert">{error}</p>}
      {runs.length > 0 && (
        <>
          <div className="compare-charts">
            <CompareChart title="Loss" metric="loss" runs={runs} format={(v) => v.toFixed(3)} />
            <CompareChart title="Accuracy" metric="accuracy" runs={runs} format={percent} />
          </div>
          <div className="compare-table-frame">
            <table className="compare-table">
              <caption>Settings and results; ≠ marks the settings that differ</caption>
              <thead>
                <tr>
                  <th scope="col">Setting</th>
                  {runs.map((run, i) => (
                    <th scope="col" key={run.id}>
                      <span className="swatch" style={{ background: RUN_COLORS[i % RUN_COLORS.length] }} />
                      {run.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {comparedSettings(runs).map((name) => (
                  <tr key={name} className={differing.has(name) ? 'differs' : undefined}>
                    <th scope="row">
                      {SETTING_LABELS[name]}
                      {differing.has(name) && (
                        <>
                          <span aria-hidden="true"> ≠</span>
                          <span className="visually-hidden"> (differs)</span>
                        </>
                      )}
                    </th>
                    {runs.map((run) => (
                      <td key={run.id}>{settingText(run.settings, name)}</td>
                    ))}
                  </tr>
                ))}
                {runs.some((run) => (run.history.rateChanges ?? []).length > 0) && (
                  <tr>
                    <th scope="row">Rate changed during the run</th>
                    {runs.map((run) => (
                      <td key={run.id}>
                        {(run.history.rateChanges ?? [])
                          .map((c) => `to ${c.rate} at batch ${c.step}`)
                          .join('; ') || '—'}
                      </td>
                    ))}
                  </tr>
                )}
                <tr>
                  <th scope="row">Epochs done</th>
                  {runs.map((run) => (
                    <td key={run.id}>{finalResult(run)?.epoch ?? 0}</td>
                  ))}
                </tr>
                <tr>
                  <th scope="row">Test accuracy</th>
                  {runs.map((run) => {
                    const result = testResultOf(run.history, run.settings);
                    return <td key={run.id}>{result ? percent(result.accuracy) : '—'}</td>;
                  })}
                </tr>
                <tr>
                  <th scope="row">Test loss</th>
                  {runs.map((run) => {
                    const result = testResultOf(run.history, run.settings);
                    return <td key={run.id}>{result ? result.loss.toFixed(4) : '—'}</td>;
                  })}
                </tr>
                <HeldOutRows runs={runs} />
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
