// The service worker (scripts/offline/sw.js) and what the page hears from it: when a new build has
// been deployed, its worker installs and waits; the page offers "A new version is available —
// Reload" instead of swapping code under a running session.

type Listener = () => void;
const listeners = new Set<Listener>();
let waitingWorker: ServiceWorker | null = null;

// How often an open page asks the server for a new build (browsers also check on each navigation).
const UPDATE_CHECK_MS = 30 * 60 * 1000;

/** A `useSyncExternalStore` source: true once a new version is waiting. */
export const appUpdate = {
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  isAvailable: (): boolean => waitingWorker !== null,
  /** Lets the waiting worker take over, then reloads the page into the new build. */
  apply(): void {
    const worker = waitingWorker;
    if (!worker) return;
    navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), {
      once: true,
    });
    worker.postMessage({ type: 'skipWaiting' });
  },
};

function offer(worker: ServiceWorker | null): void {
  // NOTE: without a controller this is the first visit's worker, not an update.
  if (!worker || !navigator.serviceWorker.controller) return;
  waitingWorker = worker;
  for (const listener of listeners) listener();
}

export async function registerServiceWorker(url: string): Promise<void> {
  const registration = await navigator.serviceWorker.register(url);
  offer(registration.waiting);
  registration.addEventListener('updatefound', () => {
    const installing = registration.installing;
    installing?.addEventListener('statechange', () => {
      if (installing.state === 'installed') offer(installing);
    });
  });
  setInterval(() => registration.update().catch(() => {}), UPDATE_CHECK_MS);
}
