// The page's side of "Your digits": the drawings the user labelled, kept in IndexedDB
// (userDigitsDb.ts), listed for the UI, changed (relabel, delete, kept for testing or not),
// exported as MNIST's IDX files and imported back. Tabs of the app tell each other that the digits
// changed, so each tab's list stays in step with the store.
import { DataFileError } from '../data/idx';
import { PIXELS } from '../data/mnist';
import { nextIsForTesting } from '../data/testSplit';
import {
  inputToPixels,
  type UnreadableDigit,
  USER_DIGIT_SCHEMA,
  type UserDigit,
  type UserDigitDrawing,
} from '../data/userDigit';
import { userDigitFiles, userDigitsToIdx } from '../data/userDigitsIdx';
import { readUserDigitFiles } from './userDigitFiles';
import { UserDigitsDb } from './userDigitsDb';

const CHANNEL = 'digits-on-webgpu:user-digits';

export interface DigitsSnapshot {
  /** null until the store has answered; false when it cannot be used (the message says why). */
  available: boolean | null;
  digits: UserDigit[];
  unreadable: UnreadableDigit[];
  message: { kind: 'info' | 'error'; text: string } | null;
}

const EMPTY: DigitsSnapshot = { available: null, digits: [], unreadable: [], message: null };

export class UserDigitsKeeper {
  private snapshot = EMPTY;
  private db: UserDigitsDb | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly channel: BroadcastChannel | null;
  private readonly ready: Promise<void>;

  constructor({ open = () => UserDigitsDb.open() }: { open?: () => Promise<UserDigitsDb> } = {}) {
    this.channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);
    if (this.channel) this.channel.onmessage = () => void this.refresh();
    this.ready = open().then(
      async (db) => {
        this.db = db;
        this.set({ available: true });
        await this.refresh();
      },
      (error: Error) => this.set({ available: false, message: { kind: 'error', text: error.message } }),
    );
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): DigitsSnapshot => this.snapshot;

  /** Resolves once the store has opened (or failed to): for tests. */
  whenReady(): Promise<void> {
    return this.ready;
  }

  /**
   * Keeps a drawing with its label: kept for testing when it is the fifth, tenth... of that digit.
   * Resolves to its id, or null when it was not kept (the message says why).
   */
  async add(label: number, input: Float32Array, drawing: UserDigitDrawing | null): Promise<string | null> {
    const digit: UserDigit = {
      schema: USER_DIGIT_SCHEMA,
      id: newId(),
      label,
      pixels: inputToPixels(input),
      drawing,
      testOnly: nextIsForTesting(this.snapshot.digits, label),
      createdAt: Date.now(),
    };
    const kept = await this.change(() => this.store().put([digit]));
    return kept ? digit.id : null;
  }

  relabel(id: string, label: number): Promise<boolean> {
    return this.change(() => this.store().update(id, { label }));
  }

  setTestOnly(id: string, testOnly: boolean): Promise<boolean> {
    return this.change(() => this.store().update(id, { testOnly }));
  }

  remove(id: IDBValidKey): Promise<boolean> {
    return this.change(() => this.store().delete(id));
  }

  /** The digits as gzipped IDX files, named as MNIST's (a part with no digits has no files). */
  exportFiles(): Promise<{ name: string; bytes: Uint8Array }[]> {
    return userDigitFiles(userDigitsToIdx(this.snapshot.digits));
  }

  /** Adds the digits of IDX files; a bad file is refused, naming it and the problem, and adds nothing. */
  async importFiles(files: readonly { name: string; bytes: Uint8Array }[]): Promise<number | null> {
    let digits: UserDigit[];
    try {
      digits = await readUserDigitFiles(files, { now: Date.now(), newId });
    } catch (error) {
      if (!(error instanceof DataFileError)) throw error;
      this.set({ message: { kind: 'error', text: `Not imported: ${error.message}.` } });
      return null;
    }
    const kept = await this.change(() => this.store().put(digits));
    if (!kept) return null;
    const s = digits.length === 1 ? '' : 's';
    this.set({ message: { kind: 'info', text: `Imported ${digits.length} drawing${s}.` } });
    return digits.length;
  }

  dismissMessage(): void {
    this.set({ message: null });
  }

  private store(): UserDigitsDb {
    if (!this.db) throw new Error('Your digits are not available here');
    return this.db;
  }

  /** Runs a change, then lists the store again here and in the other tabs; false if it failed. */
  private async change(write: () => Promise<unknown>): Promise<boolean> {
    try {
      await write();
      return true;
    } catch (error) {
      this.set({ message: { kind: 'error', text: (error as Error).message } });
      return false;
    } finally {
      await this.refresh();
      this.channel?.postMessage('changed');
    }
  }

  private async refresh(): Promise<void> {
    if (!this.db) return;
    try {
      this.set(await this.db.list());
    } catch (error) {
      this.set({ message: { kind: 'error', text: (error as Error).message } });
    }
  }

  private set(change: Partial<DigitsSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...change };
    for (const listener of this.listeners) listener();
  }
}

function newId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

/** The test digits as one batch for the network: images (784 bytes each) and their labels. */
export function testBatch(digits: readonly UserDigit[]): { pixels: Uint8Array; labels: Uint8Array } {
  const tests = digits.filter((digit) => digit.testOnly);
  const pixels = new Uint8Array(tests.length * PIXELS);
  for (const [i, digit] of tests.entries()) pixels.set(digit.pixels, i * PIXELS);
  return { pixels, labels: Uint8Array.from(tests, (digit) => digit.label) };
}
