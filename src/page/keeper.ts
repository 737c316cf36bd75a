// The page's side of keeping runs: autosave at every epoch's end, Save now, the list of saved runs
// (open its latest or best epoch, resume, rename, delete), and TensorFlow.js import (the downloads
// are modelDownloads.ts's). It writes to IndexedDB from the page, not the worker: a record joins the
// worker's checkpoint with the run's charts, and storage errors must end up in the page anyway. The copy this costs (a few MB per
// epoch, posted from the worker) is small next to an epoch. A run's record is built from the worker's
// messages about that run (liveRun.ts), never from what the page shows.
import type { DatasetIdentity } from '../data/datasetIdentity';
import type { FromWorker } from '../protocol/protocol';
import type { ComparedRun } from './compare';
import { LiveRun } from './liveRun';
import { type ImportedModel, readModelFiles } from './modelFiles';
import { askProtection, isProtected } from './persistence';
import { datasetMismatch } from './runDataset';
import { HeldLock, type Release, type RunLocks, webLocks } from './runLocks';
import { RunsChannel } from './runsChannel';
import { historyOf, type SavedRun, SavedRuns, toCheckpoint, type Which } from './savedRuns';
import { type KeeperClient, type KeepSnapshot, NO_KEEP, outcomeMessage, whyNoSave } from './saving';

export { defaultRunName } from './liveRun';
export type { KeeperClient, KeepSnapshot } from './saving';

/** The Open or Resume the worker has not answered yet; its answer carries `requestId`. */
interface Request {
  requestId: number;
  kind: 'open' | 'resume';
  run: SavedRun;
  which: Which;
  /** A resumed run's lock, held from the request on (let go if it is refused). */
  release?: Release;
}

export class RunKeeper {
  private snapshot: KeepSnapshot = NO_KEEP;
  private askedProtection = false;
  private request: Request | null = null;
  private importing: ImportedModel | null = null;
  /** The data set in use (null: MNIST): runs record it, open only on theirs, and a new one clears the pad. */
  private dataset: DatasetIdentity | null = null;
  private readonly listeners = new Set<() => void>();
  private store: SavedRuns | null = null;
  private current: LiveRun | null = null;
  private readonly locks: RunLocks;
  /** The lock of the run this page trains, held until the run ends. */
  private readonly lock: HeldLock;
  private readonly channel = new RunsChannel(() => void this.refresh());

  constructor(
    private readonly client: KeeperClient,
    { open = SavedRuns.open, locks = webLocks() }: { open?: typeof SavedRuns.open; locks?: RunLocks } = {},
  ) {
    this.locks = locks;
    this.lock = new HeldLock(locks);
    this.set({});
    client.onMessage((message) => this.onMessage(message));
    const unavailable = (text: string) => this.set({ available: false, message: { kind: 'error', text } });
    open(undefined, {
      onClosed: () =>
        unavailable('Another tab opened a newer version of this app: reload this page to use saved runs.'),
      onBlocked: () =>
        this.set({
          message: { kind: 'info', text: 'Saved runs wait for other tabs of this app to close or reload.' },
        }),
    }).then(
      (store) => {
        this.store = store;
        this.set({ available: true });
        void this.refresh();
        void isProtected().then((granted) => this.set({ protected: granted }));
      },
      (error) => this.set({ available: false, message: { kind: 'error', text: (error as Error).message } }),
    );
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): KeepSnapshot => this.snapshot;

  /** The run this page trains, with its own charts as they grow (the Compare view draws it live). */
  liveRun(): ComparedRun | null {
    return this.current?.asCompared() ?? null;
  }

  private set(change: Partial<KeepSnapshot>): void {
    const next = { ...this.snapshot, ...change, currentId: this.current?.id ?? null };
    this.snapshot = { ...next, saveOff: whyNoSave(next, this.current) };
    for (const listener of this.listeners) listener();
  }

  private onMessage(message: FromWorker): void {
    switch (message.type) {
      case 'started':
        this.begin(LiveRun.started(message.settings, new Date(), this.dataset), null);
        break;
      case 'datasetInUse':
        this.dataset = message.identity;
        this.begin(null, null);
        break;
      case 'continued': {
        const request = this.takeRequest(message.requestId, 'resume');
        // NOTE: a run the keeper did not ask for (none should come) is not autosaved at all.
        this.begin(request && LiveRun.resumed(request.run, message.epoch), request?.release ?? null);
        break;
      }
      case 'loaded': {
        const request = this.takeRequest(message.requestId, 'open');
        if (request) {
          const best = request.which === 'best' && request.run.best ? request.run.best : null;
          this.set({
            shown: { name: request.run.name, epoch: best?.epoch ?? request.run.epoch, best: !!best },
          });
        } else if (message.settings === null && this.importing) {
          this.set({ shown: { ...this.importing, epoch: null }, message: null });
          this.importing = null;
        }
        break;
      }
      case 'refused': {
        const request = this.takeRequest(message.requestId);
        request?.release?.();
        if (request) this.fail(new Error(message.message));
        break;
      }
      case 'done':
      case 'error':
        // The run is over (or the worker refused an import): another tab may resume it now.
        if (message.type === 'error' && message.kind === 'data') break;
        this.importing = null;
        this.lock.letGo();
        break;
      default:
        if (this.current?.take(message)) void this.save(this.current);
        else if (message.type === 'checkpoint') this.set({});
    }
  }

  /** A run starts (or goes on) in this page: autosave writes it; its lock is held until it ends. */
  private begin(run: LiveRun | null, lock: Release | null): void {
    this.current = run;
    if (run) this.lock.hold(run.id, lock);
    else this.lock.letGo();
    this.set({ shown: null });
  }

  /** The pending request this answer is for (clearing `pending`), or null for a stale or unknown id. */
  private takeRequest(requestId: number | undefined, kind?: Request['kind']): Request | null {
    const request = this.request;
    if (!request || request.requestId !== requestId || (kind && request.kind !== kind)) return null;
    this.request = null;
    this.set({ pending: false });
    return request;
  }

  /** Runs an Open or Resume unless one is pending; `send` returns the request's id. */
  private async command(
    id: string,
    kind: Request['kind'],
    which: Which,
    send: (run: SavedRun) => number,
  ): Promise<void> {
    if (this.snapshot.pending) return;
    this.set({ pending: true, message: null });
    let release: Release | null = null;
    try {
      const run = await this.load(id);
      const mismatch = datasetMismatch(run, this.dataset);
      if (mismatch) throw new Error(mismatch);
      if (kind === 'resume') {
        release = await this.locks.take(id);
        if (!release)
          throw new Error(
            `"${run.name}" is training in another tab: resume it there, or here once it stops.`,
          );
      }
      const requestId = send(run);
      this.request = { requestId, kind, run, which, release: release ?? undefined };
    } catch (error) {
      release?.();
      this.set({ pending: false });
      this.fail(error);
    }
  }

  private async refresh(): Promise<void> {
    if (!this.store) return;
    try {
      this.set({ runs: await this.store.list() });
    } catch (error) {
      this.fail(error);
    }
  }

  private fail(error: unknown): void {
    this.set({ message: { kind: 'error', text: (error as Error).message } });
  }

  /** The Save now button: the latest epoch of the run on screen, when it can (saving.ts says when). */
  async saveNow(): Promise<void> {
    if (this.snapshot.saveOff === null && this.current) await this.save(this.current);
  }

  /** Writes a run's latest epoch checkpoint with its charts up to it (autosave, and Save now). */
  private async save(run: LiveRun): Promise<void> {
    const record = run.record(Date.now());
    if (!record) return;
    const { store } = this;
    if (!store) {
      this.fail(new Error(`"${run.name}" was not saved: saved runs are unavailable in this browser.`));
      return;
    }
    try {
      const outcome = await store.put(record, { mustExist: run.saved });
      if ('saved' in outcome) {
        run.name = outcome.saved;
        run.saved = true;
        this.channel.announce(run.id);
        if (!this.askedProtection) {
          this.askedProtection = true;
          void askProtection().then((granted) => this.set({ protected: granted }));
        }
      } else if ('gone' in outcome && this.current === run) this.current = null;
      this.set({ message: outcomeMessage(run.name, record.epoch, outcome) });
    } catch (error) {
      this.fail(error);
    }
    await this.refresh();
  }

  private async load(id: string): Promise<SavedRun> {
    const run = await this.store?.get(id);
    if (!run) throw new Error('This saved run is gone (deleted in another tab?).');
    return run;
  }

  /** The saved run's latest (or best) epoch answers drawings; its charts show once the worker has it. */
  open(id: string, which: Which = 'latest'): Promise<void> {
    return this.command(id, 'open', which, (run) =>
      this.client.open(toCheckpoint(run, which), historyOf(run, which)),
    );
  }

  /** Training goes on from the saved epoch to the run's epoch count; autosave keeps writing to it. */
  resume(id: string): Promise<void> {
    return this.command(id, 'resume', 'latest', (run) =>
      this.client.continue(toCheckpoint(run), run.data.history),
    );
  }

  async rename(id: string, name: string): Promise<void> {
    const trimmed = name.trim();
    if (!this.store || trimmed === '') return;
    if (this.current?.id === id) this.current.name = trimmed;
    try {
      await this.store.rename(id, trimmed);
      this.channel.announce(id);
    } catch (error) {
      this.fail(error);
    }
    await this.refresh();
  }

  /** Deletes by the stored key (an unreadable record's may not be text). */
  async remove(key: IDBValidKey): Promise<void> {
    if (!this.store) return;
    // A deleted run stays deleted: autosave does not bring it back.
    if (this.current?.id === key) this.current = null;
    try {
      await this.store.delete(key);
      if (typeof key === 'string') this.channel.announce(key);
      this.set({ message: null });
    } catch (error) {
      this.fail(error);
    }
    await this.refresh();
  }

  /** model.json plus its weights file(s), chosen together. A refused model leaves everything as it was. */
  async importFiles(files: File[]): Promise<void> {
    try {
      const { stack, model } = await readModelFiles(files);
      this.importing = model;
      this.client.importModel(stack);
      this.set({ message: null });
    } catch (error) {
      this.fail(new Error(`Not imported: ${(error as Error).message}`));
    }
  }

  /** A saved run's settings and charts, for the Compare view: its own record's. */
  async comparedRun(id: string): Promise<ComparedRun> {
    const run = await this.load(id);
    return { id, name: run.name, settings: run.settings, history: run.data.history };
  }

  dismissMessage(): void {
    this.set({ message: null });
  }
}
