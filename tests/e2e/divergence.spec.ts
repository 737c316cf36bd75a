import { expect, test } from '@playwright/test';
import { collectErrors, drawStroke, screenshot, waitForReady } from './helpers';

// NOTE: this model's softmax is max-subtracted and RMSprop's steps are bounded, so a learning rate of
// 10 gives a huge loss but a finite one. A float32 overflow on the GPU takes a rate near 1e17
// (tests/gpu/divergence.gpu.test.ts); 1e20 overflows in the first steps.
test('a learning rate far too high: the run stops with a message suggesting a smaller one', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.goto('/?epochs=2&lr=1e20&train=1000&hidden=32');
  await waitForReady(page);
  await expect(page.getByLabel('Learning rate', { exact: true })).toHaveValue('1e20');
  await page.getByRole('button', { name: 'Train', exact: true }).click();

  const alert = page.getByTestId('run-alert');
  await expect(alert).toContainText('Training diverged: The loss became NaN or infinite in epoch 1');
  await expect(alert).toContainText('The learning rate is probably too high: try a smaller one');
  await expect(alert).toContainText("This run's learning rate was 1e20.");
  await expect(alert).toContainText('The network is back to its weights from the start of the run.');
  await expect(page.getByRole('progressbar', { name: 'Training progress' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Train again' })).toBeEnabled();
  // It diverged before its first report (every 5 batches), so there is no history to chart; the
  // page says so rather than drawing empty axes. (tests/gpu/divergence.gpu.test.ts has a run that
  // diverges later, with its reports kept.)
  await expect(page.getByText('The run ended before its first metrics report')).toBeVisible();
  // The pad uses the weights the run started from, not the broken ones.
  await drawStroke(page, [
    [0.5, 0.15],
    [0.5, 0.85],
  ]);
  await expect(page.getByTestId('prediction')).toHaveText(/^\d$/);
  await expect(page.getByText(/Untrained model/)).toBeVisible();
  await screenshot(page, '20-diverged');

  // A sensible rate trains as usual.
  await page.getByLabel('Learning rate', { exact: true }).fill('0.001');
  await page.getByRole('button', { name: 'Train again' }).click();
  await expect(page.getByTestId('test-accuracy')).toBeVisible({ timeout: 120_000 });
  await expect(alert).toHaveCount(0);
  expect(errors).toEqual([]);
});

// NOTE: 100 images make one epoch of a few batches; the update of its last batch is checked by no
// training report, so only the end-of-epoch evaluation and the checkpoint's weights can catch it.
test('a run that diverges in its last step: no "done" with a NaN test loss, nothing autosaved, back to the start', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.goto('/?lr=1e20&train=100&epochs=1&hidden=32');
  await waitForReady(page);
  await expect(page.getByText('No saved runs yet')).toBeVisible();
  await page.getByRole('button', { name: 'Train', exact: true }).click();

  const alert = page.getByTestId('run-alert');
  await expect(alert).toContainText('Training diverged');
  await expect(alert).toContainText('try a smaller one');
  await expect(alert).toContainText('The network is back to its weights from the start of the run.');
  await expect(page.getByRole('button', { name: 'Train again' })).toBeEnabled();
  await expect(page.getByRole('heading', { name: 'Run finished' })).toHaveCount(0);
  await expect(alert).toContainText('The test loss became NaN or infinite in epoch 1.');
  await expect(page.getByText(/test loss NaN/)).toHaveCount(0);
  // The broken weights were never autosaved.
  await expect(page.getByText('No saved runs yet')).toBeVisible();
  await drawStroke(page, [
    [0.5, 0.15],
    [0.5, 0.85],
  ]);
  await expect(page.getByTestId('prediction')).toHaveText(/^\d$/);
  await expect(page.getByText(/Untrained model/)).toBeVisible();
  expect(errors).toEqual([]);
});
