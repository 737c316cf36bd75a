import { expect, test } from '@playwright/test';
import {
  collectErrors,
  drawStroke,
  expectHeldAt,
  holdRunAt,
  releaseRun,
  screenshot,
  sendToWorker,
  waitForReady,
} from './helpers';

const ONE: [number, number][] = [
  [0.5, 0.15],
  [0.5, 0.85],
];

test('a GPU lost mid-run: training pauses, the pad answers on the CPU, Resume goes on from the last epoch kept', async ({
  page,
}) => {
  const errors = collectErrors(page);
  // 80 batches an epoch: the device is lost in the middle of epoch 2, the run held there (step 120).
  await page.goto('/?epochs=4&batch=25&train=2000&hidden=32');
  await waitForReady(page);
  const button = (name: string) => page.getByRole('button', { name, exact: true });
  const dots = page.getByTestId('accuracy-chart').locator('.recharts-line-dot');

  await holdRunAt(page, 120);
  await button('Train').click();
  await expectHeldAt(page, 120);
  await expect(dots).toHaveCount(1);
  await sendToWorker(page, { type: 'debug:loseDevice' });

  const alert = page.getByTestId('device-lost');
  await expect(alert).toContainText('The GPU stopped working. The GPU device was lost');
  await expect(alert).toContainText('The weights after epoch 1 are kept off the GPU');
  const kept = 1;
  await expect(page.getByRole('heading', { name: 'Paused: the GPU was lost' })).toBeVisible();
  await expect(button('Resume')).toBeEnabled();
  await expect(button('Pause')).toBeDisabled();
  await expect(button('Stop')).toBeDisabled();
  await expect(page.getByRole('button', { name: /^Train/ })).toBeDisabled();
  await expect(page.getByTestId('gpu-memory')).toHaveCount(0);
  // The charts keep the history: one test point per epoch kept.
  await expect(dots).toHaveCount(kept);

  await drawStroke(page, ONE);
  await expect(page.getByTestId('prediction')).toHaveText(/^\d$/);
  await expect(page.getByText('The GPU is unavailable: this answer comes from the CPU')).toBeVisible();
  await screenshot(page, '12-device-lost-mid-run');

  // It goes on from the checkpoint: the epoch after it, never epoch 1 again (held at its step 100).
  await holdRunAt(page, 100);
  await button('Resume').click();
  await expect(page.getByRole('heading', { name: 'Training', exact: true })).toBeVisible();
  await expectHeldAt(page, 100);
  await expect(page.getByText(/^Epoch 2 of 4 · batch 20 of 80 · /)).toBeVisible();
  await expect(alert).toHaveCount(0);
  await expect(page.getByTestId('gpu-memory')).toBeVisible();
  await releaseRun(page);
  const accuracy = page.getByTestId('test-accuracy');
  await expect(accuracy).toBeVisible({ timeout: 180_000 });
  expect(Number.parseFloat((await accuracy.textContent()) ?? '')).toBeGreaterThan(70);
  await expect(page.getByRole('heading', { name: 'Run finished' })).toBeVisible();
  await expect(dots).toHaveCount(4);
  // The chart dropped what was trained again after the checkpoint: 4 epochs of 80 batches, a report
  // every 5 (each test point joins the row of its step); nothing twice.
  const rows = () => page.getByTestId('loss-chart').getAttribute('data-points');
  await expect.poll(rows).toBe(String((4 * 80) / 5));
  // The pad is back on the GPU, with the trained weights.
  await drawStroke(page, ONE);
  await expect(page.getByTestId('prediction')).toHaveText(/^\d$/);
  await expect(page.getByText('The GPU is unavailable')).toHaveCount(0);
  await expect(page.getByText(/Untrained model/)).toHaveCount(0);
  await screenshot(page, '13-device-recovered-run-finished');
  expect(errors).toEqual([]);
});

test('a GPU lost while idle: the trained network keeps answering on the CPU; Reconnect brings the GPU back', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.goto('/?epochs=1&batch=100&train=1000&hidden=32');
  await waitForReady(page);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('test-accuracy')).toBeVisible({ timeout: 120_000 });
  await drawStroke(page, ONE);
  await expect(page.getByTestId('prediction')).toHaveText(/^\d$/);
  const onGpu = await page.getByRole('list', { name: 'Probability of each digit' }).textContent();

  await sendToWorker(page, { type: 'debug:loseDevice' });
  const alert = page.getByTestId('device-lost');
  await expect(alert).toContainText('The network’s weights are kept off the GPU.');
  await expect(page.getByRole('button', { name: /^Train/ })).toBeDisabled();
  await expect(page.getByText('The GPU is unavailable: this answer comes from the CPU')).toBeVisible();
  // The same weights on the CPU give the same answer, to the percent.
  await expect(page.getByRole('list', { name: 'Probability of each digit' })).toHaveText(onGpu ?? '');
  await expect(page.getByText(/Untrained model/)).toHaveCount(0);
  await screenshot(page, '14-device-lost-idle');

  await page.getByRole('button', { name: 'Reconnect to the GPU' }).click();
  await expect(alert).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Train again' })).toBeEnabled();
  await expect(page.getByText('The GPU is unavailable')).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Probability of each digit' })).toHaveText(onGpu ?? '');
  expect(errors).toEqual([]);
});

test('a GPU lost while a run is paused: the run stays resumable, and goes on when resumed', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.goto('/?epochs=2&batch=10&train=2000&hidden=32');
  await waitForReady(page);
  const button = (name: string) => page.getByRole('button', { name, exact: true });
  const rows = async () => Number(await page.getByTestId('loss-chart').getAttribute('data-points'));
  // 200 batches an epoch: paused at step 50, so the weights kept are the run's start.
  await holdRunAt(page, 50);
  await button('Train').click();
  await expectHeldAt(page, 50);
  await button('Pause').click();
  await expect(page.getByRole('heading', { name: 'Paused' })).toBeVisible();
  await sendToWorker(page, { type: 'debug:loseDevice' });
  const alert = page.getByTestId('device-lost');
  await expect(alert).toContainText('The weights from the start of the run are kept off the GPU');
  await expect(page.getByRole('heading', { name: 'Paused: the GPU was lost' })).toBeVisible();
  await holdRunAt(page, 30);
  await button('Resume').click();
  // It goes on from the checkpoint: the run's start (held at its step 30).
  await expectHeldAt(page, 30);
  await expect(page.getByText(/^Epoch 1 of 2 · batch 30 of 200 · /)).toBeVisible();
  await releaseRun(page);
  await expect(page.getByTestId('test-accuracy')).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId('accuracy-chart').locator('.recharts-line-dot')).toHaveCount(2);
  // The chart dropped what was trained again: 2 epochs of 200 batches, a report every 5 (each test
  // point joins the row of its step); nothing twice.
  await expect.poll(rows).toBe((2 * 200) / 5);
  expect(errors).toEqual([]);
});
