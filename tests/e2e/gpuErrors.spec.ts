import { expect, test } from '@playwright/test';
import {
  collectErrors,
  curveLength,
  expectHeldAt,
  gpuBytes,
  holdRunAt,
  screenshot,
  sendToWorker,
  waitForReady,
} from './helpers';

test('a validation error outside a run is shown in the page (uncapturederror)', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/?train=1000&hidden=32');
  await waitForReady(page);
  await sendToWorker(page, { type: 'debug:gpuError', error: 'validation' });
  const alert = page.getByTestId('run-alert');
  await expect(alert).toContainText('GPU error: The GPU refused a command:');
  await expect(alert).toContainText(/usage/i);
  // The page goes on working.
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled();
  await screenshot(page, '17-gpu-validation-error');
  expect(errors).toEqual([]);
});

test('an out-of-memory error during a run ends it with a message (error scopes); the charts stay', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.goto('/?epochs=3&batch=25&train=2000&hidden=32');
  await waitForReady(page);
  // Held at step 30 of 240: the error is provoked while the run goes on, and caught by its error
  // scopes at its next metrics report, once it is paused and resumed.
  await holdRunAt(page, 30);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const progress = page.getByRole('progressbar', { name: 'Training progress' });
  await expectHeldAt(page, 30);
  await sendToWorker(page, { type: 'debug:gpuError', error: 'out-of-memory' });
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await page.getByRole('button', { name: 'Resume', exact: true }).click();

  const alert = page.getByTestId('run-alert');
  await expect(alert).toContainText('GPU error: The GPU ran out of memory');
  await expect(alert).toContainText('Try fewer hidden units or a smaller batch.');
  await expect(alert).toContainText(
    /The network is back to its weights (after epoch \d|from the start of the run)\./,
  );
  await expect(page.getByRole('button', { name: 'Train again' })).toBeEnabled();
  await expect(progress).toHaveCount(0);
  expect(await curveLength(page, 'loss-chart')).toBeGreaterThan(0);
  await screenshot(page, '18-gpu-out-of-memory-in-run');
  expect(errors).toEqual([]);
});

test('a model too large for the device is refused before anything is allocated, naming the limit', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.goto('/?hidden=100000&train=1000');
  await waitForReady(page);
  await expect(page.getByLabel('Hidden units', { exact: true })).toHaveValue('100000');
  const before = await gpuBytes(page);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const alert = page.getByTestId('run-alert');
  await expect(alert).toContainText(
    'Too large for this GPU: A network with 100,000 hidden units is too large',
  );
  await expect(alert).toContainText(/more than this app's limit of 1 GB/);
  await expect(alert).toContainText('the 784 × 100,000 weight matrix');
  await expect(alert).toContainText(
    /Nothing was allocated\. With a batch of 128, at most [\d,]+ hidden units fit\./,
  );
  await screenshot(page, '19-model-too-large');
  expect(await gpuBytes(page)).toEqual(before);
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled();
  await expect(page.getByRole('progressbar', { name: 'Training progress' })).toHaveCount(0);

  // One that fits trains as usual afterwards.
  await page.getByLabel('Hidden units', { exact: true }).fill('32');
  await page.getByLabel('Epochs', { exact: true }).fill('1');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('test-accuracy')).toBeVisible({ timeout: 120_000 });
  await expect(alert).toHaveCount(0);
  expect(errors).toEqual([]);
});
