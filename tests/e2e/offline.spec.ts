import { expect, type Page, test } from '@playwright/test';
import { collectErrors, screenshot, waitForReady } from './helpers';

// The only spec that lets the app's service worker run (playwright.config.ts blocks it elsewhere).
test.use({ serviceWorkers: 'allow' });

test('after one visit, a reload without network loads the app and its data from the cache, and trains', async ({
  page,
  context,
}) => {
  const errors = collectErrors(page);
  const link = '/?epochs=1&batch=100&train=1000&hidden=16&seed=4';
  await page.goto(link);
  await waitForReady(page);
  // The service worker installs (caching the shell and the data), then takes over this page.
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? 'none'), { timeout: 60_000 })
    .toBe('activated');

  await context.setOffline(true);
  const fromNetwork: string[] = [];
  const fromCache: string[] = [];
  page.on('response', (response) =>
    (response.fromServiceWorker() ? fromCache : fromNetwork).push(new URL(response.url()).pathname),
  );
  const failed: string[] = [];
  page.on('requestfailed', (request) => failed.push(request.url()));
  await page.reload();
  await waitForReady(page);
  await expect(page.getByText('WebGPU adapter:')).not.toContainText(/none/);
  const mnist = (paths: string[]) => paths.filter((p) => p.includes('/mnist/'));
  // All four data files (and the manifest) came from the cache; none went to the network.
  expect(new Set(mnist(fromCache)).size).toBe(5);
  expect(mnist(fromNetwork)).toEqual([]);
  expect(failed).toEqual([]);

  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Run finished' })).toBeVisible({ timeout: 120_000 });
  await screenshot(page, 'offline-01-trained-offline');
  expect(errors).toEqual([]);
});

test('a damaged cached data file is dropped and fetched again, not served forever', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/?epochs=1&batch=100&train=1000&hidden=16&seed=4');
  await waitForReady(page);
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? 'none'), { timeout: 60_000 })
    .toBe('activated');
  const file = 'mnist/t10k-labels-idx1-ubyte.gz';
  /** The cached copy's SHA-256, and the two manifest.json allows (stored as .gz, or inflated by the host). */
  const digests = () =>
    page.evaluate(async (file) => {
      const hex = (buffer: ArrayBuffer) =>
        Array.from(new Uint8Array(buffer), (byte) => byte.toString(16).padStart(2, '0')).join('');
      const name = (await caches.keys()).find((key) => key.startsWith('digits-mnist-'));
      const cached = name
        ? await (await caches.open(name)).match(new URL(file, document.baseURI).href)
        : undefined;
      const manifest = await (await fetch('mnist/manifest.json')).json();
      return {
        cached: cached ? hex(await crypto.subtle.digest('SHA-256', await cached.arrayBuffer())) : null,
        expected: [
          manifest.files['t10k-labels-idx1-ubyte'].gzipSha256,
          manifest.files['t10k-labels-idx1-ubyte'].sha256,
        ] as string[],
      };
    }, file);
  const intact = await digests();
  expect(intact.expected).toContain(intact.cached);

  // The disk copy goes bad: same length, other bytes.
  await page.evaluate(async (file) => {
    const name = (await caches.keys()).find((key) => key.startsWith('digits-mnist-'));
    if (!name) throw new Error('no data cache');
    const cache = await caches.open(name);
    const url = new URL(file, document.baseURI).href;
    const bytes = new Uint8Array(await ((await cache.match(url)) as Response).arrayBuffer());
    bytes[bytes.length - 20] ^= 0xff;
    await cache.put(url, new Response(bytes));
  }, file);
  expect(intact.expected).not.toContain((await digests()).cached);

  // A reload loads the data (the damaged copy was refused and fetched again), and the cache is whole.
  await page.reload();
  await waitForReady(page);
  await expect.poll(async () => intact.expected.includes((await digests()).cached ?? '')).toBe(true);
  expect(errors.filter((e) => !/damaged cached copy/.test(e))).toEqual([]);
});

/** Until the app's service worker controls the page (it has cached the app and the data). */
async function offlineReady(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? 'none'), { timeout: 60_000 })
    .toBe('activated');
}

test('a damaged cached manifest.json (a host that answered it with index.html) is dropped, not served forever', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.goto('/?epochs=1&batch=100&train=1000&hidden=16&seed=4');
  await waitForReady(page);
  await offlineReady(page);
  const manifest = () =>
    page.evaluate(async () => {
      const name = (await caches.keys()).find((key) => key.startsWith('digits-mnist-'));
      const cached =
        name &&
        (await (await caches.open(name)).match(new URL('mnist/manifest.json', document.baseURI).href));
      return cached ? (await cached.text()).slice(0, 20) : null;
    });
  expect(await manifest()).toMatch(/^\{/);
  // The cached copy becomes the app's page, as a host may answer a missing file during a deploy.
  await page.evaluate(async () => {
    const name = (await caches.keys()).find((key) => key.startsWith('digits-mnist-'));
    if (!name) throw new Error('no data cache');
    const page = await (await fetch('./')).text();
    const headers = { 'content-type': 'text/html' };
    await (await caches.open(name)).put(
      new URL('mnist/manifest.json', document.baseURI).href,
      new Response(page, { headers }),
    );
  });
  expect(await manifest()).toMatch(/^<!doctype html>/i);

  // A reload loads the data: the damaged copy was refused (its SHA-256 is not the build's) and fetched again.
  await page.reload();
  await waitForReady(page);
  await expect(page.getByTestId('data-error')).toHaveCount(0);
  await expect.poll(manifest).toMatch(/^\{/);
  expect(errors.filter((e) => !/damaged cached copy/.test(e))).toEqual([]);
});

test('another file of the app opened in the tab (the web app manifest) does not replace the offline copy of the app', async ({
  page,
  context,
}) => {
  const errors = collectErrors(page);
  await page.goto('/?epochs=1&batch=100&train=1000&hidden=16&seed=4');
  await waitForReady(page);
  await offlineReady(page);
  await page.goto('/manifest.webmanifest');
  await expect(page.locator('body')).toContainText('"name"');

  await context.setOffline(true);
  await page.goto('/?epochs=1&batch=100&train=1000&hidden=16&seed=4');
  await expect(page).toHaveTitle('Digits on WebGPU');
  await waitForReady(page);
  // Showing a JSON file, the browser asks for /favicon.ico, which the app does not have.
  expect(errors.filter((e) => !/status of 404/.test(e))).toEqual([]);
});
