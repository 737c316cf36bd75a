// The best epoch is kept (#26): autosave writes every epoch's end, so a run whose rate is raised
// mid-run would replace its good record with a worse one. Each saved run keeps its latest epoch (to
// resume from) and its best by test loss (to open, export and answer the pad); the list shows both
// and says when the run got worse, and the user picks which to open.
import { expect, test } from '@playwright/test';
import { collectErrors, expectHeldAt, holdRunAt, openRunDetails, screenshot, waitForReady } from './helpers';
import { storedRecord, storedRuns } from './records';

test('a rate raised after epoch 1 makes epochs 2 and 3 worse: epoch 1 stays the best, and opens', async ({
  page,
}) => {
  const errors = collectErrors(page);
  // 10 batches an epoch: held at step 11, one batch into epoch 2, after epoch 1 was saved.
  await page.goto('/?epochs=3&batch=100&train=1000&hidden=16&seed=8');
  await waitForReady(page);
  await holdRunAt(page, 11);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expectHeldAt(page, 11);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await openRunDetails(page);
  await page.getByRole('textbox', { name: 'Change the learning rate now' }).fill('5');
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.getByRole('button', { name: 'Resume', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Run finished' })).toBeVisible({ timeout: 120_000 });

  const [{ id }] = await storedRuns(page);
  const saved = await storedRecord(page, id);
  expect(saved.epoch).toBe(3);
  expect(saved.testLosses[1]).toBeGreaterThan(saved.testLosses[0]);
  expect(saved.testLosses[2]).toBeGreaterThan(saved.testLosses[0]);
  expect(saved.best?.epoch).toBe(1);
  expect(saved.best?.testLoss).toBe(saved.testLosses[0]);
  expect(saved.bestWeights).toBe(true);

  const row = page.locator(`li[data-run-id="${id}"]`);
  const best = `${((saved.best?.testAccuracy ?? 0) * 100).toFixed(1)}%`;
  await expect(row.getByTestId('run-state')).toContainText(
    `Epoch 3 of 3 · test ${((saved.testAccuracy ?? 0) * 100).toFixed(1)}% · best: epoch 1, ${best}; the 2 epochs since were worse`,
  );
  await screenshot(page, 'best-epoch-01-listed');
  await row.getByRole('button', { name: /at its best epoch, 1$/ }).click();
  await expect(page.getByTestId('shown-model')).toContainText(', as saved after epoch 1, its best.');
  await expect(page.getByTestId('accuracy-chart').locator('.recharts-line-dot')).toHaveCount(1);
  await expect(page.getByTestId('test-accuracy')).toHaveText(best);
  await row.getByRole('button', { name: /at its latest epoch, 3$/ }).click();
  await expect(page.getByTestId('shown-model')).toContainText(', as saved after epoch 3.');
  await expect(page.getByTestId('accuracy-chart').locator('.recharts-line-dot')).toHaveCount(3);
  expect(errors).toEqual([]);
});
