// Early stopping that keeps the best (#30): with patience 1, a run whose test loss gets worse after
// epoch 1 (its rate raised to 5 there, while held by state) stops after epoch 2 of 3 and goes back to
// epoch 1's weights; the charts mark both epochs, and the saved run keeps epoch 1 as its best.
import { expect, test } from '@playwright/test';
import {
  collectErrors,
  expectHeldAt,
  holdRunAt,
  openRunDetails,
  screenshot,
  sendToWorker,
  waitForReady,
} from './helpers';
import { storedRecord, storedRuns } from './records';

test('patience 1: the run stops after the first epoch that got worse, back at the best epoch’s weights', async ({
  page,
}) => {
  const errors = collectErrors(page);
  // 10 batches an epoch: held at step 11, one batch into epoch 2, after epoch 1 was measured.
  await page.goto('/?epochs=3&batch=100&train=1000&hidden=16&seed=8&patience=1');
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

  await expect(page.getByTestId('early-stop')).toContainText(
    "training stopped after epoch 2 and went back to epoch 1's weights",
  );
  const loss = page.getByTestId('loss-chart');
  await expect(loss).toHaveAttribute('data-early-stop-marks', 'best: epoch 1 (kept); stopped after epoch 2');
  await expect(page.getByTestId('accuracy-chart').locator('.recharts-line-dot')).toHaveCount(2);

  const [{ id }] = await storedRuns(page);
  const saved = await storedRecord(page, id);
  expect(saved.epoch).toBe(2);
  expect(saved.testLosses[1]).toBeGreaterThan(saved.testLosses[0]);
  expect(saved.best?.epoch).toBe(1);
  expect(saved.earlyStop).toEqual({ bestEpoch: 1, stoppedEpoch: 2 });
  // The result is the test set on epoch 1's weights, put back.
  expect(saved.finalTest?.loss).toBeCloseTo(saved.testLosses[0], 5);
  const best = `${((saved.best?.testAccuracy ?? 0) * 100).toFixed(1)}%`;
  await expect(page.getByTestId('test-accuracy')).toHaveText(best);
  // The confusion matrix is the test set on those weights, and says whose.
  await page.getByRole('tab', { name: 'Confusion matrix', exact: true }).click();
  await expect(page.getByTestId('confusion-matrix').locator('caption')).toContainText('after epoch 1:');
  await screenshot(page, 'early-stopping-01-stopped');
  expect(errors).toEqual([]);
});

test('a device lost mid-run: the resumed run counts on, stops where the whole run would, back at the best epoch', async ({
  page,
}) => {
  const errors = collectErrors(page);
  // Patience 2, 10 batches an epoch; the rate raised to 5 after epoch 1 makes epochs 2 and 3 worse.
  await page.goto('/?epochs=5&batch=100&train=1000&hidden=16&seed=8&patience=2');
  await waitForReady(page);
  const button = (name: string) => page.getByRole('button', { name, exact: true });
  await holdRunAt(page, 11);
  await button('Train').click();
  await expectHeldAt(page, 11);
  await button('Pause').click();
  await openRunDetails(page);
  await page.getByRole('textbox', { name: 'Change the learning rate now' }).fill('5');
  await page.getByRole('button', { name: 'Apply' }).click();
  // The device is lost in epoch 3, after epoch 2 (one epoch without improvement) was kept.
  await holdRunAt(page, 25);
  await button('Resume').click();
  await expectHeldAt(page, 25);
  await sendToWorker(page, { type: 'debug:loseDevice' });
  await expect(page.getByTestId('device-lost')).toContainText(
    'The weights after epoch 2 are kept off the GPU',
  );
  await button('Resume').click();
  await expect(page.getByRole('heading', { name: 'Run finished' })).toBeVisible({ timeout: 120_000 });

  // Counted afresh, epoch 3 would have been the best so far and the run would have gone on.
  await expect(page.getByTestId('early-stop')).toContainText(
    "training stopped after epoch 3 and went back to epoch 1's weights",
  );
  const [{ id }] = await storedRuns(page);
  const saved = await storedRecord(page, id);
  expect(saved.earlyStop).toEqual({ bestEpoch: 1, stoppedEpoch: 3 });
  expect(saved.finalTest?.loss).toBeCloseTo(saved.testLosses[0], 5);
  await page.getByRole('tab', { name: 'Confusion matrix', exact: true }).click();
  await expect(page.getByTestId('confusion-matrix').locator('caption')).toContainText('after epoch 1:');
  expect(errors).toEqual([]);
});
