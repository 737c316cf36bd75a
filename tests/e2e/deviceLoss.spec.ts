import { expect, test } from '@playwright/test';
import { collectErrors, drawStroke, screenshot, sendToWorker, waitForReady } from './helpers';

const ONE: [number, number][] = [
  [0.5, 0.15],
  [0.5, 0.85],
];

test('a GPU lost mid-run: training pauses, the pad answers on the CPU, Resume goes on from the last epoch kept', async ({
  page,
}) => {
  const errors = collectErrors(page);
  // 80 batches an epoch: the device is lost in the middle of epoch 2 (or, on a fast machine, a later one).
  await page.goto('/?epochs=4&batch=25&train=2000&hidden=32');
  await waitForReady(page);
  const button = (name: string) => page.getByRole('button', { name, exact: true });
  const dots = page.getByTestId('accuracy-chart').locator('.recharts-line-dot');

  await button('Train').click();
  await expect(dots).toHaveCount(1, { timeout: 120_000 });
  await sendToWorker(page, { type: 'debug:loseDevice' });

  const alert = page.getByTestId('device-lost');
  await expect(alert).toContainText('The GPU stopped working. The GPU device was lost');
  await expect(alert).toContainText(/The weights after epoch \d are kept off the GPU/);
  const kept = Number((await alert.textContent())?.match(/after epoch (\d)/)?.[1]);
  expect(kept).toBeGreaterThanOrEqual(1);
  expect(kept).toBeLessThan(4);
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

  await button('Resume').click();
  // It goes on from the checkpoint: the epoch after it, never epoch 1 again.
  await expect(page.getByRole('heading', { name: 'Training', exact: true })).toBeVisible();
  await expect(page.getByText(new RegExp(`^Epoch ${kept + 1} of 4 · batch \\d+`))).toBeVisible();
  await expect(alert).toHaveCount(0);
  await expect(page.getByTestId('gpu-memory')).toBeVisible();
  const accuracy = page.getByTestId('test-accuracy');
  await expect(accuracy).toBeVisible({ timeout: 180_000 });
  expect(Number.parseFloat((await accuracy.textContent()) ?? '')).toBeGreaterThan(70);
  await expect(page.getByRole('heading', { name: 'Run finished' })).toBeVisible();
  await expect(dots).toHaveCount(4);
  // The chart dropped what was trained again after the checkpoint: 4 epochs of 80 batches, a report
  // every 5, and 4 test points; nothing twice.
  const rows = () => page.getByTestId('loss-chart').getAttribute('data-points');
  await expect.poll(rows).toBe(String((4 * 80) / 5 + 4));
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
  const progress = page.getByRole('progressbar', { name: 'Training progress' });
  const rows = async () => Number(await page.getByTestId('loss-chart').getAttribute('data-points'));
  await button('Train').click();
  await expect.poll(async () => Number(await progress.getAttribute('aria-valuenow'))).toBeGreaterThan(0);
  await button('Pause').click();
  await expect(page.getByRole('heading', { name: 'Paused' })).toBeVisible();
  await sendToWorker(page, { type: 'debug:loseDevice' });
  const alert = page.getByTestId('device-lost');
  await expect(alert).toContainText(
    /The weights (from the start of the run|after epoch 1) are kept off the GPU/,
  );
  const kept = (await alert.textContent())?.includes('after epoch 1') ? 1 : 0;
  await expect(page.getByRole('heading', { name: 'Paused: the GPU was lost' })).toBeVisible();
  await button('Resume').click();
  // It goes on from the checkpoint.
  await expect(page.getByText(new RegExp(`^Epoch ${kept + 1} of 2 · batch \\d+`))).toBeVisible();
  await expect(page.getByTestId('test-accuracy')).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId('accuracy-chart').locator('.recharts-line-dot')).toHaveCount(2);
  // The chart dropped what was trained again: 2 epochs of 200 batches, a report every 5, and 2 test
  // points; nothing twice.
  await expect.poll(rows).toBe((2 * 200) / 5 + 2);
  expect(errors).toEqual([]);
});
