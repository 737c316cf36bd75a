// The page's side of keeping runs: autosave at every epoch's end, Save now, the list of saved runs
// (open, resume, rename, delete), and TensorFlow.js import (downloads: modelDownloads.ts). It writes
// to IndexedDB from the page, not the worker: a record joins the worker's checkpoint with the page's
// chart history, and storage errors must end up in the page anyway. The copy this costs (a few MB per epoch,
// posted from the worker) is small next to an epoch.
import type { Checkpoint, DenseSpec, FromWorker } from '../protocol/protocol';
import { optimizerSummary, type Settings } from '../protocol/settings';
import type { TrainerClient } from './client';
import type { ComparedRun } from './compare';
import { askProtection, isProtected } from './persistence';
import { RunsChannel } from './runsChannel';
import { type SavedRun, type SavedRunListing, SavedRuns, toCheckpoint, toSavedRun } from './savedRuns';
import { batchesPerEpoch } from './store';
import { fromTfjs, importTooLarge, MAX_IMPORT_BYTES, MODEL_FILE } from './tfjsFormat';

/** model.json describes layers; its weights are in the other files. */
const MAX_MODEL_JSON_BYTES = 16e6;

export interface KeepSnapshot {
  /** null until IndexedDB is open; false when it cannot be used. */
  available: boolean | null;
  /** Readable runs, and unreadable records (isUnreadable) that can only be deleted. */
  runs: SavedRunListing[];
  /** The run autosave writes to: the one training or last trained. */
  currentId: string | null;
  /** The current run has an epoch's checkpoint that Save now can write. */
  canSave: boolean;
  /**
   * The saved run or imported model that answers drawings, if one was opened; an imported one with
   * its layers (it has no settings to draw the network picture from).
   */
  shown: {
    name: string;
    epoch: number | null;
    imported?: { inputDim: number; layers: DenseSpec[] };
  } | null;
  message: { kind: 'error' | 'info'; text: string } | null;
  /**
   * An Open or Resume is on its way to the worker: other commands wait (their buttons are
   * disabled, and the keeper refuses them), so autosave never writes one run under another's id.
   */
  pending: boolean;
  /** Whether the browser keeps saved runs when space runs low (asked at the first save); null: unknown. */
  protected: boolean | null;
}

/** The Open or Resume the worker has not answered yet; its answer carries `requestId`. */
interface Request {
  requestId: number;
  kind: 'open' | 'resume';
  run: { id: string; name: string; createdAt: number; epoch: number };
}

interface CurrentRun {
  id: string;
  name: string;
  createdAt: number;
  /** Its record has been written: if it is gone at the next save, another tab deleted it. */
  saved: boolean;
  latest: { checkpoint: Checkpoint; shapes: number[][] } | null;
}

export function defaultRunName(settings: Settings, at: Date): string {
  const time = at.toISOString().slice(0, 16).replace('T', ' ');
  const model = settings.model === 'convnet' ? `ConvNet ${settings.layers}` : `Hidden ${settings.hidden}`;
  const epochs = `${settings.epochs} epoch${settings.epochs === 1 ? '' : 's'}`;
  // The rate (and an optimizer other than the book's RMSprop) is in the name: runs compared side
  // by side often differ only in it.
  const optimizer = (settings.optimizer ?? 'rmsprop') === 'rmsprop' ? '' : `${optimizerSummary(settings)}, `;
  return `${model}, ${optimizer}lr ${settings.learningRate}, ${epochs}, seed ${settings.seed} (${time} UTC)`;
}

export class RunKeeper {
  private snapshot: KeepSnapshot = {
    available: null,
    runs: [],
    currentId: null,
    canSave: false,
    shown: null,
    message: null,
    pending: false,
    protected: null,
  };
  private askedProtection = false;
  private request: Request | null = null;
  private readonly listeners = new Set<() => void>();
  private store: SavedRuns | null = null;
  private current: CurrentRun | null = null;

  private readonly channel = new RunsChannel(() => void this.refresh());

  constructor(
    private readonly client: TrainerClient,
    open: typeof SavedRuns.open = SavedRuns.open,
  ) {
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

  private set(change: Partial<KeepSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...change };
    for (const listener of this.listeners) listener();
  }

  private onMessage(message: FromWorker): void {
    switch (message.type) {
      case 'started':
        this.current = {
          id: `run-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`,
          name: defaultRunName(message.settings, new Date()),
          createdAt: Date.now(),
          saved: false,
          latest: null,
        };
        this.set({ currentId: this.current.id, canSave: false, shown: null });
        break;
      case 'continued': {
        const request = this.takeRequest(message.requestId, 'resume');
        // NOTE: a run the keeper did not ask for (none should come) is not autosaved at all.
        this.current = request ? { ...request.run, saved: true, latest: null } : null;
        this.set({ currentId: this.current?.id ?? null, canSave: false, shown: null });
        break;
      }
      case 'loaded': {
        const request = this.takeRequest(message.requestId, 'open');
        if (request) this.set({ shown: { name: request.run.name, epoch: request.run.epoch } });
        break;
      }
      case 'refused':
        if (this.takeRequest(message.requestId)) this.fail(new Error(message.message));
        break;
      case 'checkpoint':
        if (this.current) this.current.latest = { checkpoint: message.checkpoint, shapes: message.shapes };
        break;
      case 'epoch':
        // The epoch's checkpoint came just before; now the charts hold the epoch's test point too.
        if (this.current?.latest) void this.save();
        break;
    }
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
  private async command(id: string, kind: Request['kind'], send: (run: SavedRun) => number): Promise<void> {
    if (this.snapshot.pending) return;
    this.set({ pending: true, message: null });
    try {
      const run = await this.load(id);
      const requestId = send(run);
      this.request = {
        requestId,
        kind,
        run: { id, name: run.name, createdAt: run.createdAt, epoch: run.epoch },
      };
    } catch (error) {
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

  /** Writes the current run's latest epoch checkpoint (autosave, and the Save now button). */
  async save(): Promise<void> {
    const { store, current } = this;
    if (!current?.latest) return;
    if (!store) {
      this.fail(new Error(`"${current.name}" was not saved: saved runs are unavailable in this browser.`));
      return;
    }
    const { checkpoint, shapes } = current.latest;
    const { curve, curveStride, epochs, rateChanges } = this.client.getSnapshot();
    // Save now in the middle of an epoch saves the last epoch's end: the charts stop there too.
    const upTo = epochs.filter((e) => e.epoch <= checkpoint.epoch);
    const lastStep = checkpoint.epoch * batchesPerEpoch(checkpoint.settings);
    const record = toSavedRun(
      {
        id: current.id,
        name: current.name,
        createdAt: current.createdAt,
        updatedAt: Date.now(),
        testAccuracy: upTo.at(-1)?.testAccuracy ?? null,
      },
      checkpoint,
      shapes,
      {
        curve: curve.filter((p) => p.step <= lastStep),
        curveStride,
        epochs: upTo,
        rateChanges: rateChanges.filter((c) => c.step <= lastStep),
      },
    );
    this.set({ canSave: true });
    try {
      const kept = await store.put(record, { mustExist: current.saved });
      if (kept === null) {
        if (this.current === current) this.current = null;
        this.set({
          currentId: this.current?.id ?? null,
          canSave: false,
          message: {
            kind: 'info',
            text: `"${current.name}" was deleted in another tab: it is no longer saved.`,
          },
        });
        await this.refresh();
        return;
      }
      current.name = kept;
      current.saved = true;
      this.channel.announce(current.id);
      if (!this.askedProtection) {
        this.askedProtection = true;
        void askProtection().then((granted) => this.set({ protected: granted }));
      }
      this.set({
        message: { kind: 'info', text: `Saved "${current.name}" after epoch ${checkpoint.epoch}.` },
      });
    } catch (error) {
      this.fail(error);
    }
    await this.refresh();
  }

  private async load(id: string) {
    const run = await this.store?.get(id);
    if (!run) throw new Error('This saved run is gone (deleted in another tab?).');
    return run;
  }

  /** The saved run's weights answer drawings, and its charts are shown. */
  open(id: string): Promise<void> {
    return this.command(id, 'open', (run) => this.client.open(toCheckpoint(run), run.data.history));
  }

  /** Training goes on from the saved epoch to the run's epoch count; autosave keeps writing to it. */
  resume(id: string): Promise<void> {
    return this.command(id, 'resume', (run) => this.client.continue(toCheckpoint(run), run.data.history));
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

  async remove(id: string): Promise<void> {
    if (!this.store) return;
    // A deleted run stays deleted: autosave does not bring it back.
    if (this.current?.id === id) this.current = null;
    try {
      await this.store.delete(id);
      this.channel.announce(id);
      this.set({ currentId: this.current?.id ?? null, message: null });
    } catch (error) {
      this.fail(error);
    }
    await this.refresh();
  }

  /** model.json plus its weights file(s), chosen together. A refused model leaves everything as it was. */
  async importFiles(files: File[]): Promise<void> {
    try {
      const json = files.find((f) => f.name.endsWith('.json'));
      if (!json) throw new Error(`Choose ${MODEL_FILE} together with its weights file (.bin).`);
      // Refused before a byte is read: a file of gigabytes would be held several times over.
      const size = files.reduce((n, file) => n + (file === json ? 0 : file.size), 0);
      if (size > MAX_IMPORT_BYTES) throw new Error(importTooLarge(size));
      if (json.size > MAX_MODEL_JSON_BYTES)
        throw new Error(`${json.name} is larger than a model description can be.`);
      const buffers = new Map<string, ArrayBuffer>();
      for (const file of files) if (file !== json) buffers.set(file.name, await file.arrayBuffer());
      const stack = fromTfjs(await json.text(), buffers);
      this.client.importModel(stack);
      const widths = [stack.inputDim, ...stack.layers.map((l) => l.units)].join(' → ');
      this.set({
        shown: {
          name: `${json.name} (${widths})`,
          epoch: null,
          imported: { inputDim: stack.inputDim, layers: stack.layers },
        },
        message: null,
      });
    } catch (error) {
      this.fail(new Error(`Not imported: ${(error as Error).message}`));
    }
  }

  /** A saved run's settings and charts, for the Compare view. */
  async comparedRun(id: string): Promise<ComparedRun> {
    const run = await this.load(id);
    return { id, name: run.name, settings: run.settings, history: run.data.history };
  }

  dismissMessage(): void {
    this.set({ message: null });
  }
}
