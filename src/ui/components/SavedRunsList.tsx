import { useState } from 'react';
import { gotWorse } from '../../page/bestEpoch';
import { isUnreadable, type SavedRunInfo, type SavedRunListing, type Which } from '../../page/savedRuns';
import { formatBytes } from '../../protocol/memory';

interface Props {
  runs: SavedRunListing[];
  currentId: string | null;
  /** Open is possible (no run going on). */
  canOpen: boolean;
  /** Resume is possible (no run going on, the data on the GPU). */
  canResume: boolean;
  onOpen: (id: string, which: Which) => void;
  onResume: (id: string) => void;
  onRename: (id: string, name: string) => void;
  /** By the stored key: an unreadable record's may not be text. */
  onDelete: (key: IDBValidKey) => void;
}

const percent = (fraction: number) => `${(fraction * 100).toFixed(1)}%`;

/** Where the run stands: its latest epoch, and its best one when it got worse since. */
function runState(run: SavedRunInfo): string {
  const accuracy = run.testAccuracy === null ? '' : ` · test ${percent(run.testAccuracy)}`;
  const on = run.dataset ? ` · on ${run.dataset.name}` : '';
  const latest = `Epoch ${run.epoch} of ${run.settings.epochs}${accuracy}${on}`;
  if (!run.best || !gotWorse(run)) return `${latest} · ${formatBytes(run.bytes)}`;
  const best = `best: epoch ${run.best.epoch}, ${percent(run.best.testAccuracy)}`;
  const since = run.epoch - run.best.epoch;
  const worse = `the ${since === 1 ? 'epoch' : `${since} epochs`} since ${since === 1 ? 'was' : 'were'} worse`;
  return `${latest} · ${best}; ${worse} · ${formatBytes(run.bytes)}`;
}

/** One row per saved run: what it is, and Open (its best epoch too), Resume, Rename, Delete (asks first). */
export function SavedRunsList({ runs, currentId, canOpen, canResume, ...on }: Props) {
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  if (runs.length === 0)
    return <p className="muted">No saved runs yet: runs are saved at each epoch's end.</p>;
  return (
    <ul className="saved-runs" aria-label="Saved runs">
      {runs.map((run) => {
        if (isUnreadable(run))
          return (
            <li key={run.id} data-run-id={run.id} data-unreadable="">
              <strong>{run.name ?? 'Unreadable saved run'}</strong>
              <span className="muted"> {run.unreadable}</span>
              <div className="row-buttons">
                <button
                  type="button"
                  onClick={() => on.onDelete(run.key)}
                  aria-label={`Delete unreadable ${run.name ?? run.id}`}
                >
                  Delete
                </button>
              </div>
            </li>
          );
        const finished = run.epoch >= run.settings.epochs;
        const worse = gotWorse(run);
        return (
          <li key={run.id} data-run-id={run.id}>
            {renaming?.id === run.id ? (
              <form
                onSubmit={(event) => {
                  event.preventDefault();
                  on.onRename(run.id, renaming.name);
                  setRenaming(null);
                }}
              >
                <input
                  aria-label={`New name for ${run.name}`}
                  value={renaming.name}
                  onChange={(event) => setRenaming({ id: run.id, name: event.target.value })}
                />
                <button type="submit">Save name</button>
              </form>
            ) : (
              <strong>{run.name}</strong>
            )}
            <span className="muted" data-testid="run-state">
              {` ${runState(run)}`}
              {run.id === currentId && ' · this run'}
            </span>
            <div className="row-buttons">
              <button
                type="button"
                disabled={!canOpen}
                onClick={() => on.onOpen(run.id, 'latest')}
                aria-label={`Open ${run.name}${worse ? ` at its latest epoch, ${run.epoch}` : ''}`}
              >
                {worse ? 'Open latest' : 'Open'}
              </button>
              {worse && run.best && (
                <button
                  type="button"
                  disabled={!canOpen}
                  onClick={() => on.onOpen(run.id, 'best')}
                  aria-label={`Open ${run.name} at its best epoch, ${run.best.epoch}`}
                >
                  Open best
                </button>
              )}
              <button
                type="button"
                disabled={!canResume || finished}
                title={finished ? 'This run has trained all its epochs.' : undefined}
                onClick={() => on.onResume(run.id)}
                aria-label={`Resume ${run.name}`}
              >
                Resume
              </button>
              <button
                type="button"
                onClick={() => setRenaming({ id: run.id, name: run.name })}
                aria-label={`Rename ${run.name}`}
              >
                Rename
              </button>
              {deleting === run.id ? (
                <>
                  <button
                    type="button"
                    className="danger"
                    onClick={() => on.onDelete(run.id)}
                    aria-label={`Really delete ${run.name}`}
                  >
                    Delete for good
                  </button>
                  <button type="button" onClick={() => setDeleting(null)}>
                    Keep it
                  </button>
                </>
              ) : (
                <button type="button" onClick={() => setDeleting(run.id)} aria-label={`Delete ${run.name}`}>
                  Delete
                </button>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
