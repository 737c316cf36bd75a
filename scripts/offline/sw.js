// The service worker that makes the app work offline after its first visit. The build fills in the
// file lists, versions and checksums (scripts/offline/serviceWorkerPlugin.ts).
// The app shell is fetched network-first, so an online reload always gets the newest build; its
// cache is keyed by the build's version, so a new build replaces the old files. A new build's worker
// waits until the page says so ("A new version is available — Reload", src/ui/appUpdate.ts): the
// running page keeps the worker, and the cached files, of the build it started with. The MNIST files
// never change, so they are served cache-first: after the first visit they are not downloaded again.
// A cached data file is checked against manifest.json's SHA-256 before it is served, and manifest.json
// against its own SHA-256, fixed when the app was built: a damaged copy (a host that answered the
// file with index.html during a deploy) is dropped and fetched again, never served forever. Only the
// app's own page is kept as the app: another file of it opened in a tab is kept as itself.
const SHELL_CACHE = `digits-shell-${__SHELL_VERSION__}`;
const DATA_CACHE = `digits-mnist-${__DATA_VERSION__}`;
const SHELL_FILES = __SHELL_FILES__;
const DATA_FILES = __DATA_FILES__;
/**
 * './mnist/<file>.gz' → the SHA-256s it may have: as stored (gzip), or inflated by the host; and
 * './mnist/manifest.json' → its own.
 */
const DATA_SHA256 = __DATA_SHA256__;

const absolute = (file) => new URL(file, self.registration.scope).href;
const expectedDigests = new Map(
  Object.entries(DATA_SHA256).map(([file, digests]) => [absolute(file), digests]),
);

async function isIntact(url, response) {
  const expected = expectedDigests.get(url);
  if (!expected) return true;
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await response.clone().arrayBuffer()));
  const hex = Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return expected.includes(hex);
}

/** Stores a response; a full disk (quota) or any other refusal only means it is not cached. */
async function store(cacheName, key, response) {
  try {
    await (await caches.open(cacheName)).put(key, response);
  } catch (error) {
    console.warn(`Not cached (${error?.name ?? error}): ${typeof key === 'string' ? key : key.url}`);
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      await (await caches.open(SHELL_CACHE)).addAll(SHELL_FILES);
      const data = await caches.open(DATA_CACHE);
      for (const file of DATA_FILES) {
        if (await data.match(file, { ignoreVary: true })) continue;
        const response = await fetch(file);
        if (response.ok && (await isIntact(absolute(file), response)))
          await store(DATA_CACHE, file, response);
      }
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data?.type === 'skipWaiting') self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys())
        if (name.startsWith('digits-') && name !== SHELL_CACHE && name !== DATA_CACHE)
          await caches.delete(name);
      // The page that installed it is served from now on, not only after its next load.
      await self.clients.claim();
    })(),
  );
});

// NOTE: ignoreVary: the server varies on Origin, and the page's module scripts and the worker's data
// requests carry an Origin header that the install step's requests did not.
async function cacheFirst(request) {
  const cached = await caches.match(request, { cacheName: DATA_CACHE, ignoreVary: true });
  // NOTE: checked at every serve, not once per worker: a page loads the data once, and the check of
  // the largest file takes tens of milliseconds.
  if (cached) {
    if (await isIntact(request.url, cached)) return cached;
    console.warn(`A damaged cached copy of ${request.url} was dropped; fetching it again`);
    await (await caches.open(DATA_CACHE)).delete(request, { ignoreVary: true });
  }
  const response = await fetch(request);
  // A damaged answer is passed on (the page refuses it, naming the file, with Retry) but not kept.
  if (response.ok && (await isIntact(request.url, response)))
    await store(DATA_CACHE, request, response.clone());
  return response;
}

/** The app's own page ('./' or './index.html', any query), not another of its files opened in a tab. */
function isAppPage(request) {
  const path = new URL(request.url).pathname;
  const scope = new URL(self.registration.scope).pathname;
  return request.mode === 'navigate' && (path === scope || path === `${scope}index.html`);
}

async function networkFirst(request) {
  // Every link to the app (any query) is the same index.html: one cache entry for all of them. A tab
  // opened on another file (the web app manifest, an icon) is that file, kept under its own address.
  const app = isAppPage(request);
  const key = app ? absolute('./') : request;
  let answer;
  try {
    answer = await fetch(request);
    const html = (answer.headers.get('content-type') ?? '').startsWith('text/html');
    if (answer.ok && (html || !app)) {
      await store(SHELL_CACHE, key, answer.clone());
      return answer;
    }
  } catch (error) {
    answer = error;
  }
  // Offline, or the server no longer has this build's file (a page open across a deploy): the cached
  // copy.
  const cached = await caches.match(key, { cacheName: SHELL_CACHE, ignoreVary: true });
  if (cached) return cached;
  if (answer instanceof Response) return answer;
  throw answer;
}

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) return;
  const inData = url.pathname.startsWith(new URL('./mnist/', self.registration.scope).pathname);
  event.respondWith(inData ? cacheFirst(event.request) : networkFirst(event.request));
});
