import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { collectErrors, waitForReady } from './helpers';
import { StaticHost } from './staticHost';

// A new deploy while the page is open: the new build's service worker installs and waits, and the
// page says "A new version is available — Reload" instead of swapping code under the session.
test.use({ serviceWorkers: 'allow' });

const host = new StaticHost();
test.beforeAll(() => host.start());
test.afterAll(() => host.stop());

test('a new deploy is offered with Reload, and Reload brings the page onto the new build', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.goto(`${host.url}?epochs=1&batch=100&train=1000&hidden=16&seed=6`);
  await waitForReady(page);
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? 'none'), { timeout: 60_000 })
    .toBe('activated');
  const banner = page.getByRole('status').filter({ hasText: 'A new version is available' });
  await expect(banner).toHaveCount(0);

  // Deploy a new build: the host's sw.js now carries another shell version (the first ${"…"} in it).
  const swPath = join(host.root, 'sw.js');
  writeFileSync(swPath, readFileSync(swPath, 'utf8').replace(/\$\{"[0-9a-f]{12}"\}/, 'newbuild0001'));
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration?.update();
  });
  await expect(banner).toBeVisible({ timeout: 60_000 });
  // The running page keeps the worker (and cached files) it started with until the user says so: the
  // new worker waits, its files cached beside the old ones.
  expect(
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting?.state),
  ).toBe('installed');
  const shellCaches = () =>
    page.evaluate(async () =>
      (await window.caches.keys()).filter((name) => name.startsWith('digits-shell-')),
    );
  expect(await shellCaches()).toHaveLength(2);

  await page.evaluate(() => {
    (window as unknown as { beforeReload: boolean }).beforeReload = true;
  });
  await banner.getByRole('button', { name: 'Reload' }).click();
  await page.waitForFunction(() => !('beforeReload' in window), undefined, { timeout: 60_000 });
  await waitForReady(page);
  await expect(banner).toHaveCount(0);
  // The new build's worker took over and dropped the old shell.
  await expect.poll(shellCaches).toEqual(['digits-shell-newbuild0001']);
  expect(errors).toEqual([]);
});
