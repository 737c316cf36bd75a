// Saved runs in IndexedDB: what survives a reload. One record per run, overwritten at each epoch's
// end, holding everything a resumed run needs to end where an uninterrupted one would: settings
// (with the seed, which fixes every epoch's data order), the epoch reached, the weights and the
// optimizer state; and its best epoch by test loss, with its weights (bestEpoch.ts). The chart
// history rides along so an opened run shows its curves.
// Only indexedDB is used, so this runs on the page and in a worker alike.
import type { Checkpoint } from '../protocol/protocol';
import { historyUpTo, withBest } from './bestEpoch';
import { done, openDatabase, request } from './indexedDb';
import { savedEarlyStopping } from './savedEarlyStopping';
import {
  RECORD_SCHEMA,
  readInfo,
  readRecord,
  resultOf,
  type SavedRunData,
  type SavedRunInfo,
  type SavedRunListing,
  UnreadableRecordError,
} from './savedRunRecord';
import type { RunHistory } from './store';

export type { SavedRunData, SavedRunInfo, SavedRunListing, UnreadableRunInfo } from './savedRunRecord';
export { isUnreadable } from './savedRunRecord';
export type { RunHistory } from './store';

export type SavedRun = SavedRunInfo & { data: SavedRunData };

/** What a write did: saved (under the name kept), or not, because the run is gone or got further. */
export type PutOutcome = { saved: string } | { gone: true } | { newer: number };

const DB_NAME = 'digits-on-webgpu';
const INFO = 'runs';
const DATA = 'runData';

/** A storage failure, said so a person knows what was not kept. */
export class StorageError extends Error {
  override name = 'StorageError';
  constructor(
    what: string,
    readonly cause: unknown,
  ) {
    super(`${what}: ${describeStorageError(cause)}`);
  }
}

function describeStorageError(error: unknown): string {
  const name = (error as DOMException | null)?.name;
  if (name === 'QuotaExceededError')
    return "the browser's storage for this site is full (QuotaExceededError). Delete saved runs, or allow this site more storage.";
  if (!error) return 'the browser refused to store it (no reason given).';
  return `${name ?? 'Error'}: ${(error as Error).message || 'no message'}`;
}

export class SavedRuns {
  private constructor(private readonly db: IDBDatabase) {}

  /**
   * `onClosed`: another tab opened a newer version of the database (a schema upgrade); this
   * connection closes at once so the upgrade never hangs, and saved runs are unavailable here until
   * a reload. `onBlocked`: this page's own upgrade waits for other tabs to close theirs.
   */
  static async open(
    name = DB_NAME,
    { onClosed, onBlocked }: { onClosed?: () => void; onBlocked?: () => void } = {},
  ): Promise<SavedRuns> {
    try {
      const db = await openDatabase(name, [INFO, DATA], { onClosed, onBlocked });
      return new SavedRuns(db);
    } catch (error) {
      throw new StorageError('Saved runs are unavailable', error);
    }
  }

  /** Newest first; unreadable records (checked by savedRunRecord.ts) last, each with why. */
  async list(): Promise<SavedRunListing[]> {
    const records = await request(this.db.transaction(INFO).objectStore(INFO).getAll());
    const updated = (run: SavedRunListing) =>
      'unreadable' in run ? Number.NEGATIVE_INFINITY : run.updatedAt;
    return records.map(readInfo).sort((a, b) => updated(b) - updated(a));
  }

  /** The whole run, checked; null if it is gone. Throws UnreadableRecordError for a damaged one. */
  async get(id: string): Promise<SavedRun | null> {
    const tx = this.db.transaction([INFO, DATA]);
    const [rawInfo, rawData] = await Promise.all([
      request(tx.objectStore(INFO).get(id)),
      request(tx.objectStore(DATA).get(id)),
    ]);
    return rawInfo ? readRecord(rawInfo, rawData) : null;
  }

  /**
   * Writes (or overwrites) a run, both parts in one transaction: a failed write keeps the old record
   * whole. A stored record keeps its name (a rename in another tab wins) and its best epoch, unless
   * this one is better (bestEpoch.ts). Not written: with `mustExist`, a record that is gone (deleted
   * in another tab); and an epoch older than the stored one (another tab trained the run further).
   */
  async put(run: SavedRun, { mustExist = false } = {}): Promise<PutOutcome> {
    try {
      const tx = this.db.transaction([INFO, DATA], 'readwrite');
      const infos = tx.objectStore(INFO);
      const [rawInfo, rawData] = await Promise.all([
        request(infos.get(run.id)) as Promise<{ name?: unknown } | undefined>,
        request(tx.objectStore(DATA).get(run.id)),
      ]);
      let stored: SavedRun | null = null;
      try {
        stored = rawInfo ? readRecord(rawInfo, rawData) : null;
      } catch (error) {
        if (!(error instanceof UnreadableRecordError)) throw error; // a damaged record is replaced
      }
      const merged = mustExist && !rawInfo ? null : withBest(stored, run);
      if (!merged || 'storedEpoch' in merged) {
        await done(tx);
        return merged ? { newer: merged.storedEpoch } : { gone: true };
      }
      const { data, ...info } = merged.record;
      const name = typeof rawInfo?.name === 'string' ? rawInfo.name : info.name;
      infos.put({ ...info, name });
      tx.objectStore(DATA).put(data);
      await done(tx);
      return { saved: name };
    } catch (error) {
      throw new StorageError(`"${run.name}" after epoch ${run.epoch} was not saved`, error);
    }
  }

  async rename(id: IDBValidKey, name: string): Promise<void> {
    try {
      const tx = this.db.transaction(INFO, 'readwrite');
      const store = tx.objectStore(INFO);
      const info = (await request(store.get(id))) as SavedRunInfo | undefined;
      if (info) store.put({ ...info, name });
      await done(tx);
    } catch (error) {
      throw new StorageError(`The run was not renamed to "${name}"`, error);
    }
  }

  /** Deletes by the stored key, whatever its type (a damaged record's may not be text). */
  async delete(id: IDBValidKey): Promise<void> {
    try {
      const tx = this.db.transaction([INFO, DATA], 'readwrite');
      tx.objectStore(INFO).delete(id);
      tx.objectStore(DATA).delete(id);
      await done(tx);
    } catch (error) {
      throw new StorageError('The run was not deleted', error);
    }
  }

  close(): void {
    this.db.close();
  }
}

/** A checkpoint, the shapes of its arrays and the charts, as a record to save (its best epoch: itself). */
export function toSavedRun(
  info: Omit<SavedRunInfo, 'bytes' | 'epoch' | 'settings' | 'best'>,
  checkpoint: Checkpoint,
  shapes: number[][],
  history: RunHistory,
): SavedRun {
  // Copies: the record must not share memory with arrays the caller keeps using.
  const weights = checkpoint.weights.map((w) => w.slice().buffer);
  const optimizerState = checkpoint.optimizerState.map(
    (arrays) => arrays?.map((a) => a.slice().buffer) ?? null,
  );
  const bytes = [...weights, ...optimizerState.flatMap((s) => s ?? [])].reduce((n, b) => n + b.byteLength, 0);
  return {
    ...info,
    schema: RECORD_SCHEMA,
    settings: checkpoint.settings,
    epoch: checkpoint.epoch,
    best: resultOf(history, checkpoint.epoch),
    bytes,
    data: {
      id: info.id,
      shapes,
      weights,
      optimizerState,
      iterations: checkpoint.iterations,
      history,
      bestWeights: null,
    },
  };
}

/** Which epoch of a saved run to open: the latest (what Resume goes on from), or the best. */
export type Which = 'latest' | 'best';

/**
 * The saved run as a checkpoint the trainer can restore: its latest epoch (to resume from), or its
 * best epoch's weights (to open; no optimizer state: it answers, it does not train on).
 */
export function toCheckpoint(run: SavedRun, which: Which = 'latest'): Checkpoint {
  const { best } = run;
  if (which === 'best' && best && best.epoch !== run.epoch && run.data.bestWeights)
    return {
      settings: run.settings,
      epoch: best.epoch,
      trained: true,
      weights: run.data.bestWeights.map((b) => new Float32Array(b)),
      optimizerState: run.data.weights.map(() => null),
      iterations: 0,
      rateChanges: historyUpTo(run.data.history, run.settings, best.epoch).rateChanges,
    };
  return {
    settings: run.settings,
    epoch: run.epoch,
    trained: run.epoch > 0,
    weights: run.data.weights.map((b) => new Float32Array(b)),
    optimizerState: run.data.optimizerState.map((arrays) => arrays?.map((b) => new Float32Array(b)) ?? null),
    iterations: run.data.iterations,
    // A resumed run trains on at the rate it had reached.
    rateChanges: run.data.history.rateChanges ?? [],
    // Early stopping's count, so the run counts on as the whole run would.
    ...savedEarlyStopping(run),
  };
}

/** The charts that go with a checkpoint of `which` epoch. */
export function historyOf(run: SavedRun, which: Which = 'latest'): RunHistory {
  const epoch = which === 'best' && run.best ? run.best.epoch : run.epoch;
  return epoch === run.epoch ? run.data.history : historyUpTo(run.data.history, run.settings, epoch);
}
