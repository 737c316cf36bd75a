// The time left and the bar count the evaluations (#29): halfway through a one-epoch run's batches
// the bar is less than half full (the test set's evaluation is still to come), and the evaluation
// shows its own progress.
import { expect, test } from '@playwright/test';
import { collectErrors, expectHeldAt, holdRunAt, releaseRun, waitForReady } from './helpers';

test('the bar and the time left include the evaluation, which shows how far it has got', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/?epochs=1&train=1000&batch=100&hidden=16&seed=3');
  await waitForReady(page);
  await holdRunAt(page, 5);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expectHeldAt(page, 5);
  const bar = page.getByRole('progressbar', { name: 'Training progress' });
  await expect(bar).toHaveAttribute('aria-valuemax', '10');
  await expect(page.locator('.progress-text')).toHaveText(/about \d+ s left|about \d+ min left/);
  const filled = await bar.evaluate((b) => {
    const fill = b.querySelector('.progress-fill') as HTMLElement;
    return fill.getBoundingClientRect().width / b.getBoundingClientRect().width;
  });
  expect(filled, 'the share of the bar filled at 5 of 10 batches').toBeGreaterThan(0);
  expect(filled).toBeLessThan(0.5);
  // Every status line shown from here on, to find the evaluation's own progress among them.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { statusLines: string[] }).statusLines = seen;
    const status = document.querySelector('[data-testid="run-status"]') as Element;
    new MutationObserver(() => {
      const text = status.querySelector('.progress-text')?.textContent;
      if (text && seen.at(-1) !== text) seen.push(text);
    }).observe(status, { subtree: true, childList: true, characterData: true });
  });
  await releaseRun(page);
  await expect(page.getByTestId('test-accuracy')).toBeVisible({ timeout: 120_000 });
  const lines = await page.evaluate(() => (window as unknown as { statusLines: string[] }).statusLines);
  expect(
    lines.some((l) => /^Evaluating on the 10,000 test images… [\d,]+ done · about \d+ s left$/.test(l)),
  ).toBe(true);
  expect(errors).toEqual([]);
});
