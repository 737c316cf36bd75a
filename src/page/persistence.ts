// Whether the browser may evict saved runs when space runs low. Storage is "best effort" until
// the site asks for persistence and the browser grants it (Chromium decides from how the site is
// used; Firefox asks the user), so it is asked once, when a first run is saved.

type StorageLike = Pick<StorageManager, 'persist' | 'persisted'>;

function storage(): StorageLike | null {
  const manager = typeof navigator === 'undefined' ? undefined : navigator.storage;
  return manager && typeof manager.persist === 'function' ? manager : null;
}

/** Whether saved runs are protected now; null where the browser cannot say. */
export async function isProtected(from: StorageLike | null = storage()): Promise<boolean | null> {
  try {
    return from ? await from.persisted() : null;
  } catch {
    return null;
  }
}

/** Asks for persistence (if not granted already): whether saved runs are protected, null if unknown. */
export async function askProtection(from: StorageLike | null = storage()): Promise<boolean | null> {
  try {
    if (!from) return null;
    return (await from.persisted()) || (await from.persist());
  } catch {
    return null;
  }
}

/** What the page says about it. */
export function describeProtection(granted: boolean | null): string | null {
  if (granted === null) return null;
  return granted
    ? 'Saved runs are protected: the browser will not evict them to free space.'
    : 'Saved runs are not protected from eviction: the browser may delete them when space runs low. Export a run (TF.js) to keep a copy.';
}
