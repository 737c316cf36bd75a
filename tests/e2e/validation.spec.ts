// Validation images (#30): the last N training images are held out, the per-epoch points are theirs
// and say so, and the test set is measured once, at the end; the setting travels in the link, the
// saved run, the comparison table and the Code view.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { collectErrors, screenshot, waitForReady } from './helpers';
import { storedRecord, storedRuns } from './records';

test('with 200 validation images the curves are the validation set’s, and the test set is measured once at the end', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.goto('/?epochs=2&batch=100&train=300&hidden=16&seed=3&validation=200');
  await waitForReady(page);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Run finished' })).toBeVisible({ timeout: 120_000 });

  const loss = page.getByTestId('loss-chart');
  await expect(loss).toHaveAttribute('data-held-out', 'validation');
  await expect(loss).toContainText('validation set, per epoch');
  await expect(page.getByTestId('accuracy-chart').locator('.recharts-line-dot')).toHaveCount(2);
  await expect(page.getByTestId('validation-note')).toContainText(
    '200 validation images held out of training; the test set was measured once, at the end',
  );
  const shown = await page.getByTestId('test-accuracy').textContent();

  const [{ id }] = await storedRuns(page);
  const saved = await storedRecord(page, id);
  expect(saved.settings.validation).toBe(200);
  expect(saved.epoch).toBe(2);
  // The record's result is the test set's, measured at the end; its epochs hold the validation set's.
  expect(saved.finalTest).not.toBeNull();
  expect(`${((saved.testAccuracy ?? 0) * 100).toFixed(1)}%`).toBe(shown);
  expect(saved.testLosses).toHaveLength(2);
  expect(saved.testLosses).not.toContain(saved.finalTest?.loss);

  const code = page.getByRole('region', { name: /program/ });
  await expect(code).toContainText('val_images, val_labels = train_images[-200:], train_labels[-200:]');
  await expect(code).toContainText('validation_data=(val_images, val_labels),');
  await screenshot(page, 'validation-01-finished');
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations).toEqual([]);
  expect(errors).toEqual([]);
});
