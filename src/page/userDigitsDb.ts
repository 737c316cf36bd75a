// The user's digits ("Your digits") in IndexedDB: one record per drawing, keyed by its id, so that
// tabs adding drawings at once never overwrite each other's. Records are checked when read
// (src/data/userDigit.ts): a damaged one, or one written by a newer version of the app, is listed as
// unreadable with why, and the others are kept and shown. Only indexedDB is used (no DOM).

import { readUserDigit, readUserDigits, type UnreadableDigit, type UserDigit } from '../data/userDigit';
import { done, openDatabase, request } from './indexedDb';

const DB_NAME = 'digits-on-webgpu:user-digits';
const DIGITS = 'digits';

/** A storage failure, said so a person knows what was not kept. */
export class DigitStorageError extends Error {
  override name = 'DigitStorageError';
  constructor(what: string, cause: unknown) {
    const name = (cause as DOMException | null)?.name;
    super(
      name === 'QuotaExceededError'
        ? `${what}: the browser's storage for this site is full (QuotaExceededError).`
        : `${what}: ${name ?? 'Error'}: ${(cause as Error | null)?.message || 'no reason given'}`,
    );
  }
}

export interface DigitListing {
  digits: UserDigit[];
  unreadable: UnreadableDigit[];
}

export class UserDigitsDb {
  private constructor(private readonly db: IDBDatabase) {}

  /** `onClosed`: another tab opened a newer version of the database; this connection closes. */
  static async open(name = DB_NAME, { onClosed }: { onClosed?: () => void } = {}): Promise<UserDigitsDb> {
    try {
      const db = await openDatabase(name, [DIGITS], { onClosed });
      return new UserDigitsDb(db);
    } catch (error) {
      throw new DigitStorageError('Your digits cannot be kept', error);
    }
  }

  /** Every record, checked: the readable ones in the order made, the others with why. */
  async list(): Promise<DigitListing> {
    try {
      return readUserDigits(await request(this.db.transaction(DIGITS).objectStore(DIGITS).getAll()));
    } catch (error) {
      throw new DigitStorageError('Your digits could not be read', error);
    }
  }

  /** Adds (or overwrites) drawings, all in one transaction: a failed write adds none of them. */
  async put(digits: readonly UserDigit[]): Promise<void> {
    for (const digit of digits) readUserDigit(digit); // never store what could not be read back
    try {
      const tx = this.db.transaction(DIGITS, 'readwrite');
      const store = tx.objectStore(DIGITS);
      for (const digit of digits) store.put(digit);
      await done(tx);
    } catch (error) {
      throw new DigitStorageError(
        digits.length === 1 ? 'The drawing was not kept' : `The ${digits.length} drawings were not kept`,
        error,
      );
    }
  }

  /**
   * Changes one stored drawing (its label, or whether it is kept for testing), read and written in
   * one transaction so that a change made in another tab meanwhile is not undone. False if it is gone
   * or unreadable.
   */
  async update(id: string, change: Partial<Pick<UserDigit, 'label' | 'testOnly'>>): Promise<boolean> {
    try {
      const tx = this.db.transaction(DIGITS, 'readwrite');
      const store = tx.objectStore(DIGITS);
      const raw = await request(store.get(id));
      let digit: UserDigit | null = null;
      try {
        digit = raw === undefined ? null : readUserDigit(raw);
      } catch {
        digit = null;
      }
      if (digit) store.put(readUserDigit({ ...digit, ...change }));
      await done(tx);
      return digit !== null;
    } catch (error) {
      throw new DigitStorageError('The drawing was not changed', error);
    }
  }

  /** Deletes by the stored key, whatever its type (a damaged record's may not be text). */
  async delete(id: IDBValidKey): Promise<void> {
    try {
      const tx = this.db.transaction(DIGITS, 'readwrite');
      tx.objectStore(DIGITS).delete(id);
      await done(tx);
    } catch (error) {
      throw new DigitStorageError('The drawing was not deleted', error);
    }
  }

  close(): void {
    this.db.close();
  }
}
