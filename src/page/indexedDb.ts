// The IndexedDB plumbing both stores use (saved runs, the user's digits): a request or a
// transaction as a promise, and a database opened with its object stores, closing itself when
// another tab upgrades it so the upgrade never hangs.

export function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** Resolves when the transaction commits; rejects with its error (a quota error shows up here). */
export function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

/**
 * Opens (at version 1, creating `stores` keyed by `id`) the database `name`. `onClosed`: another tab
 * opened a newer version; this connection has closed. `onBlocked`: this page's own upgrade waits for
 * other tabs to close theirs. Rejects with the browser's error; the caller says what was lost.
 */
export async function openDatabase(
  name: string,
  stores: string[],
  { onClosed, onBlocked }: { onClosed?: () => void; onBlocked?: () => void } = {},
): Promise<IDBDatabase> {
  if (typeof indexedDB === 'undefined') throw new Error('this browser has no IndexedDB');
  const req = indexedDB.open(name, 1);
  req.onupgradeneeded = () => {
    for (const store of stores) req.result.createObjectStore(store, { keyPath: 'id' });
  };
  req.onblocked = () => onBlocked?.();
  const db = await request(req);
  db.onversionchange = () => {
    db.close();
    onClosed?.();
  };
  return db;
}
