// The service worker that makes the app work offline after its first visit. The build fills in the
// file lists and versions (scripts/offline/serviceWorkerPlugin.ts).
// The app shell is fetched network-first, so an online reload always gets the newest build; its
// cache is keyed by the build's version, so a new build replaces the old files. A new build's worker
// waits until the page says so ("A new version is available — Reload", src/ui/appUpdate.ts): the
// running page keeps the worker, and the cached files, of the build it started with. The MNIST files
// never change, so they are served cache-first: after the first visit they are not downloaded again.
const SHELL_CACHE = `digits-shell-${__SHELL_VERSION__}`;
const DATA_CACHE = `digits-mnist-${__DATA_VERSION__}`;
const SHELL_FILES = __SHELL_FILES__;
const DATA_FILES = __DATA_FILES__;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      await (await caches.open(SHELL_CACHE)).addAll(SHELL_FILES);
      const data = await caches.open(DATA_CACHE);
      for (const file of DATA_FILES)
        if (!(await data.match(file, { ignoreVary: true }))) await data.add(file);
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
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await (await caches.open(DATA_CACHE)).put(request, response.clone());
  return response;
}

async function networkFirst(request) {
  let answer;
  try {
    answer = await fetch(request);
    if (answer.ok) {
      await (await caches.open(SHELL_CACHE)).put(request, answer.clone());
      return answer;
    }
  } catch (error) {
    answer = error;
  }
  // Offline, or the server no longer has this build's file (a page open across a deploy): the cached
  // copy. A page with any query (a shared link) is the same index.html.
  const navigate = request.mode === 'navigate';
  const cached =
    (await caches.match(request, { cacheName: SHELL_CACHE, ignoreSearch: navigate, ignoreVary: true })) ??
    (navigate
      ? await caches.match(new URL('./', self.registration.scope).href, {
          cacheName: SHELL_CACHE,
          ignoreVary: true,
        })
      : undefined);
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
