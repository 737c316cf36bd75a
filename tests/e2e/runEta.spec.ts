// The time left and the bar count the evaluations (#29): halfway through a one-epoch run's batches
// the bar is less than half full (the test set's evaluation is still to come), and the evaluation
// shows its own progress.
import { expect, type Page, test } from '@playwright/test';
import { collectErrors, expectHeldAt, holdRunAt, releaseRun, waitForReady } from './helpers';

/** Every status line shown from now on, to find an evaluation's own progress among them. */
async function watchStatusLines(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { statusLines: string[] }).statusLines = seen;
    const status = document.querySelector('[data-testid="run-status"]') as Element;
    new MutationObserver(() => {
      const text = status.querySelector('.progress-text')?.textContent;
      if (text && seen.at(-1) !== text) seen.push(text);
    }).observe(status, { subtree: true, childList: true, characterData: true });
  });
}

const statusLines = (page: Page) =>
  page.evaluate(() => (window as unknown as { statusLines: string[] }).statusLines);

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
  await watchStatusLines(page);
  await releaseRun(page);
  await expect(page.getByTestId('test-accuracy')).toBeVisible({ timeout: 120_000 });
  const lines = await statusLines(page);
  expect(
    lines.some((l) => /^Evaluating on the 10,000 test images… [\d,]+ done · about \d+ s left$/.test(l)),
  ).toBe(true);
  expect(errors).toEqual([]);
});

test('a validated run reports the validation images’ progress each epoch, then the test set’s at the end', async ({
  page,
}) => {
  const errors = collectErrors(page);
  // Every 'evaluating' report the worker sends, as the page receives it (the screen may show only
  // some of them: reports that land together are drawn once).
  await page.addInitScript(() => {
    const reports: object[] = [];
    (window as unknown as { evaluatingReports: object[] }).evaluatingReports = reports;
    const Original = window.Worker;
    window.Worker = class extends Original {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        this.addEventListener('message', (event: MessageEvent) => {
          const { type, done, total, finalTest } = event.data ?? {};
          if (type === 'evaluating') reports.push({ done, total, finalTest: finalTest === true });
        });
      }
    };
  });
  // 1,000 images trained on, the last 2,000 held out: two evaluation batches of 1,000 each.
  await page.goto('/?epochs=1&train=1000&validation=2000&batch=100&hidden=16&seed=3');
  await waitForReady(page);
  await holdRunAt(page, 5);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expectHeldAt(page, 5);
  await watchStatusLines(page);
  await releaseRun(page);
  await expect(page.getByTestId('test-accuracy')).toBeVisible({ timeout: 120_000 });
  const reports = await page.evaluate(
    () =>
      (window as unknown as { evaluatingReports: { done: number; total: number; finalTest: boolean }[] })
        .evaluatingReports,
  );
  const validation = reports.filter((r) => !r.finalTest);
  const testSet = reports.filter((r) => r.finalTest);
  expect(validation.map((r) => [r.done, r.total])).toEqual([
    [0, 2000],
    [1000, 2000],
    [2000, 2000],
  ]);
  expect(testSet.length, JSON.stringify(reports)).toBeGreaterThan(2);
  expect(testSet.every((r) => r.total === 10_000)).toBe(true);
  expect(reports.indexOf(testSet[0])).toBe(validation.length);
  // What the screen showed names each set as it is: never the test set as validation images.
  const lines = await statusLines(page);
  const left = '(about \\d+ (s|min) left|estimating time left)';
  const named = new RegExp(
    `^Evaluating on the (2,000 validation|10,000 test) images…( [\\d,]+ done ·)? ${left}$`,
  );
  const evaluating = lines.filter((l) => l.startsWith('Evaluating'));
  for (const line of evaluating) expect(line).toMatch(named);
  const lastValidation = evaluating.findLastIndex((l) => l.includes('validation images'));
  const firstTest = evaluating.findIndex((l) => l.includes('test images'));
  if (firstTest >= 0) expect(firstTest, lines.join('\n')).toBeGreaterThan(lastValidation);
  expect(errors).toEqual([]);
});
