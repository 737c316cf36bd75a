// Saving a run, as the page sees it: what the keeper shows (KeepSnapshot), when Save now can act (only
// on the run on screen: the one this page trains, or trained last, once an epoch of it has ended; a
// saved run opened since is saved as it is, and an imported model is not a run), and what a write
// tells the user.
import type { DenseSpec } from '../protocol/protocol';
import type { TrainerClient } from './client';
import type { LiveRun } from './liveRun';
import type { PutOutcome, SavedRunListing } from './savedRuns';

/** What the keeper asks of the worker's client (a fake one in tests). */
export type KeeperClient = Pick<TrainerClient, 'onMessage' | 'open' | 'continue' | 'importModel'>;

export interface KeepSnapshot {
  /** null until IndexedDB is open; false when it cannot be used. */
  available: boolean | null;
  /** Readable runs, and unreadable records (isUnreadable) that can only be deleted. */
  runs: SavedRunListing[];
  /** The run autosave writes to: the one training or last trained in this page. */
  currentId: string | null;
  /** Why Save now is off; null when it can save the run on screen. */
  saveOff: string | null;
  /**
   * The saved run (its latest or best epoch) or imported model that answers drawings, once the
   * worker has it; an imported one with its layers (it has no settings to draw the network from).
   */
  shown: {
    name: string;
    epoch: number | null;
    best?: boolean;
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

export const NO_KEEP: KeepSnapshot = {
  available: null,
  runs: [],
  currentId: null,
  saveOff: null,
  shown: null,
  message: null,
  pending: false,
  protected: null,
};

/** Why Save now cannot act now, or null when it can. */
export function whyNoSave(
  { available, pending, shown }: Omit<KeepSnapshot, 'saveOff'>,
  current: LiveRun | null,
): string | null {
  if (available === false) return 'there is no storage for saved runs in this page now.';
  if (available === null) return 'the saved runs are still being opened.';
  if (pending) return 'a saved run is on its way to the worker.';
  if (shown?.imported)
    return 'the pad uses an imported model, not a run (Download model keeps a copy of it).';
  if (shown)
    return `the page shows the saved run "${shown.name}" as it is saved (Save now saves a run trained in this page).`;
  if (!current) return 'nothing is trained yet (a run is saved at the end of each epoch).';
  if (!current.latest) return "this run has not finished an epoch yet (Save now keeps an epoch's end).";
  return null;
}

/** What the page says after a write: saved, or why not (the record kept is the other tab's). */
export function outcomeMessage(name: string, epoch: number, outcome: PutOutcome): KeepSnapshot['message'] {
  if ('saved' in outcome) return { kind: 'info', text: `Saved "${name}" after epoch ${epoch}.` };
  if ('gone' in outcome)
    return { kind: 'info', text: `"${name}" was deleted in another tab: it is no longer saved.` };
  return {
    kind: 'error',
    text: `"${name}" after epoch ${epoch} was not saved: another tab saved it after epoch ${outcome.newer}, which is kept.`,
  };
}
