// The learning-rate finder (#16): a sweep from fresh weights, the loss against the rate, a suggested
// rate applied to the form with one click; Stop ends a sweep; nothing of it is kept.
import { expect, test } from '@playwright/test';
import { collectErrors, holdRunAt, screenshot, waitForReady } from './helpers';

test('the finder sweeps the rate, suggests one, and "Use" puts it in the form', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/?batch=100&train=2000&hidden=32&seed=4');
  await waitForReady(page);
  await page.getByRole('button', { name: 'Find a learning rate' }).click();
  // While it sweeps, the device is busy: no run can start.
  await expect(page.getByRole('button', { name: 'Train' })).toBeDisabled();
  const status = page.getByText(/^Suggested learning rate: /);
  await expect(status).toBeVisible({ timeout: 180_000 });
  const suggested = ((await status.textContent()) ?? '').replace('Suggested learning rate: ', '');
  const rate = Number(suggested);
  // A sensible RMSprop rate for this network: well inside the sweep, far from both ends.
  expect(rate).toBeGreaterThan(1e-5);
  expect(rate).toBeLessThan(1);
  const chart = page.getByTestId('rate-finder-chart');
  expect(Number(await chart.getAttribute('data-points'))).toBeGreaterThan(20);
  await screenshot(page, 'rate-finder-01-suggestion');

  await page.getByRole('button', { name: `Use ${suggested}` }).click();
  await expect(page.getByRole('textbox', { name: 'Learning rate', exact: true })).toHaveValue(suggested);
  await expect(page.getByRole('button', { name: 'Train' })).toBeEnabled();
  // Nothing was saved: the finder is not a run.
  await expect(page.getByRole('list', { name: 'Saved runs' })).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('Stop ends a sweep early, and a run can start at once', async ({ page }) => {
  await page.goto('/?batch=100&train=2000&hidden=32&seed=4');
  await waitForReady(page);
  // The sweep stalls at batch 10 until stopped, so Stop finds it going on any machine.
  await holdRunAt(page, 10);
  await page.getByRole('button', { name: 'Find a learning rate' }).click();
  await expect(page.getByText(/Sweeping: batch 10\b/)).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Stop the sweep' }).click();
  await expect(page.getByRole('button', { name: 'Find a learning rate' })).toBeEnabled();
  const points = Number(await page.getByTestId('rate-finder-chart').getAttribute('data-points'));
  // Held at 10, it trains a batch or two more after the Stop, of the sweep's 100.
  expect(points).toBeLessThan(20);
  await expect(page.getByRole('button', { name: 'Train' })).toBeEnabled();
});
