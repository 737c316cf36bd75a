import type { TrainerClient } from '../../page/client';
import type { KeepSnapshot, RunKeeper } from '../../page/keeper';
import { describeProtection } from '../../page/persistence';
import type { Phase } from '../../page/store';
import { CopyLinkButton } from './CopyLinkButton';
import { ModelFiles } from './ModelFiles';
import { SavedRunsList } from './SavedRunsList';

const BUSY: readonly Phase[] = ['starting', 'training', 'paused', 'stopping', 'recovering', 'failed'];

/** Keep & share: the link, Save now, TensorFlow.js files, PyTorch weights, and the saved runs. */
export function KeepPanel({
  keeper,
  keep,
  client,
  phase,
  trained,
  link,
}: {
  keeper: RunKeeper;
  /** The keeper's state, as the page reads it once (App's useKeeper). */
  keep: KeepSnapshot;
  client: TrainerClient;
  phase: Phase;
  /** A run has trained (or a saved run is shown): before that the model is random weights. */
  trained: boolean;
  link: string | null;
}) {
  const busy = BUSY.includes(phase);
  return (
    <section className="card keep" aria-labelledby="keep-title">
      <h2 id="keep-title">Keep &amp; share</h2>
      <CopyLinkButton url={link} />
      <ModelFiles
        keeper={keeper}
        client={client}
        saveOff={keep.saveOff}
        canExport={!busy || phase === 'training' || phase === 'paused'}
        trained={trained || keep.shown !== null}
        canImport={!busy && phase !== 'lost'}
      />
      {keep.message && (
        <p
          className={keep.message.kind === 'error' ? 'alert' : 'note'}
          role={keep.message.kind === 'error' ? 'alert' : 'status'}
        >
          {keep.message.text}
        </p>
      )}
      {keep.shown && (
        <p className="note" data-testid="shown-model">
          The pad now uses {keep.shown.name}
          {keep.shown.epoch !== null &&
            `, as saved after epoch ${keep.shown.epoch}${keep.shown.best ? ', its best' : ''}`}
          .
        </p>
      )}
      <h3>Saved runs</h3>
      {keep.runs.length > 0 && describeProtection(keep.protected) && (
        <p className="muted" data-testid="storage-protection">
          {describeProtection(keep.protected)}
        </p>
      )}
      {keep.available === false ? (
        <p className="muted">Saved runs are unavailable in this browser.</p>
      ) : (
        <SavedRunsList
          runs={keep.runs}
          currentId={keep.currentId}
          canOpen={!busy && !keep.pending}
          canResume={phase === 'ready' && !keep.pending}
          onOpen={(id, which) => keeper.open(id, which)}
          onResume={(id) => keeper.resume(id)}
          onRename={(id, name) => keeper.rename(id, name)}
          onDelete={(id) => keeper.remove(id)}
        />
      )}
    </section>
  );
}
