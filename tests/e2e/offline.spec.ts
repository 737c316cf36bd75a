import { expect, test } from '@playwright/test';
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
