import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { collectErrors, drawStroke, waitForReady } from './helpers';

// The built app ships a Content-Security-Policy (scripts/contentSecurityPolicy.ts). A whole session —
// train, draw, save, export, import, an offline reload — must not trip it anywhere.
test.use({ serviceWorkers: 'allow' });

const ONE: [number, number][] = [
  [0.5, 0.15],
  [0.5, 0.5],
  [0.5, 0.85],
];
const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

/** Every `securitypolicyviolation` in the page (across reloads), and any CSP refusal in a console. */
async function recordViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('__cspViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      (window as unknown as { __cspViolation: (text: string) => void }).__cspViolation(
        `${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
      ),
    );
  });
  const fromConsole = (text: string) => {
    if (/Content Security Policy/i.test(text)) violations.push(`console: ${text}`);
  };
  page.on('console', (message) => fromConsole(message.text()));
  page.on('worker', (worker) => worker.on('console', (message) => fromConsole(message.text())));
  return violations;
}

test('a whole session (train, draw, save, export, import, offline reload) trips no Content-Security-Policy', async ({
  page,
  context,
}) => {
  const errors = collectErrors(page);
  const violations = await recordViolations(page);
  await page.goto('/?epochs=1&batch=100&train=1000&hidden=16&seed=5');
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  for (const directive of [
    "default-src 'self'",
    "script-src 'self'",
    "worker-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
  ])
    expect(policy).toContain(directive);
  expect(policy).not.toMatch(/unsafe-(inline|eval)/);
  await waitForReady(page);

  await button(page, 'Train').click();
  await expect(page.getByRole('heading', { name: 'Run finished' })).toBeVisible({ timeout: 120_000 });
  await drawStroke(page, ONE);
  await expect(page.getByTestId('prediction')).toHaveText(/^\d$/);
  await button(page, 'Save now').click();
  await expect(page.getByRole('list', { name: 'Saved runs' }).getByRole('listitem')).toHaveCount(1);

  const downloads: { name: string; path: string }[] = [];
  page.on('download', async (download) =>
    downloads.push({ name: download.suggestedFilename(), path: await download.path() }),
  );
  await button(page, 'Download model (TF.js)').click();
  await expect.poll(() => downloads.length).toBe(2);
  await page.getByLabel('Import a TensorFlow.js model: model.json and its weights file').setInputFiles(
    downloads.map((d) => ({
      name: d.name,
      mimeType: 'application/octet-stream',
      buffer: readFileSync(d.path),
    })),
  );
  await expect(page.getByTestId('shown-model')).toContainText('The pad now uses model.json');

  // Offline: the service worker serves the app and its data.
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? 'none'), { timeout: 60_000 })
    .toBe('activated');
  await context.setOffline(true);
  await page.reload();
  await waitForReady(page);
  await drawStroke(page, ONE);
  await expect(page.getByTestId('prediction')).toHaveText(/^\d$/);
  await context.setOffline(false);

  expect(violations).toEqual([]);
  expect(errors).toEqual([]);

  // The recorder itself works: an inline script, which the policy forbids, is reported.
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.inlineRan = true';
    document.head.append(script);
  });
  // Both ways of hearing it: the page's event, and the console's report.
  await expect.poll(() => violations.some((v) => /^script-src/.test(v))).toBe(true);
  await expect.poll(() => violations.some((v) => /^console: .*script-src/.test(v))).toBe(true);
  expect(await page.evaluate(() => 'inlineRan' in window)).toBe(false);
});
