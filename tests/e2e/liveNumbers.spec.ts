import { expect, test } from '@playwright/test';
import { collectErrors, waitForReady } from './helpers';

// Numbers you can read (#29): epochs marked on the batch axis, and a test point's tooltip with the
// test value to one decimal beside the training values. A tiny run: 3 epochs of 10 batches.
test('the charts mark the epochs, and a test point tells its test value with a decimal', async ({ page }) => {
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/?epochs=3&batch=100&train=1000&hidden=16&seed=8');
  await waitForReady(page);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('test-accuracy')).toBeVisible({ timeout: 120_000 });
  const chart = page.getByTestId('accuracy-chart');
  await expect(chart).toHaveAttribute('data-epoch-marks', '2');
  await expect(page.getByTestId('loss-chart')).toHaveAttribute('data-epoch-marks', '2');
  await expect(page.getByTestId('result-figures')).toHaveText(
    /^Test accuracy \d+\.\d% · training \d+\.\d% · the book: 97\.8%$/,
  );

  // The second epoch's test point: hovered, its tooltip shows the test value and the training ones.
  const dot = chart.locator('.recharts-line-dots circle').nth(1);
  await dot.hover({ force: true });
  const tooltip = chart.locator('.recharts-tooltip-wrapper');
  await expect(tooltip).toContainText(/test : \d+\.\d%/);
  await expect(tooltip).toContainText(/training \(smoothed\) : \d+\.\d%/);
  await chart.screenshot({ path: 'test-results/shots/live-numbers-accuracy.png' });
  expect(errors).toEqual([]);
});
