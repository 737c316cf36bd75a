import { expect, test } from '@playwright/test';
import { toTfjs } from '../../src/page/tfjsFormat';
import { collectErrors, drawStroke, expectHeldAt, holdRunAt, screenshot, waitForReady } from './helpers';

// NOTE: a rate of 5 stays finite (max-subtracted softmax, bounded RMSprop steps): the loss goes into
// the thousands and the run would end as a plain "Run finished". 3 epochs of 40 batches: the warning
// (after 3 reports of 5 batches) comes while the run is held at step 20, most of it still ahead.
test('a learning rate of 5: a warning suggesting a smaller rate, shown while the run goes on', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.goto('/?lr=5&train=2000&batch=50&epochs=3&hidden=32');
  await waitForReady(page);
  await holdRunAt(page, 20);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expectHeldAt(page, 20);
  const warning = page.getByTestId('run-warning');
  await expect(warning).toContainText(
    /The training loss rose to \d+(\.\d+)?, far above the 2\.30 of random guessing/,
  );
  await expect(warning).toContainText('try a smaller one (the default is 0.001)');
  // During the run, not only at its end.
  await expect(page.getByRole('progressbar', { name: 'Training progress' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Stop' })).toBeEnabled();
  await screenshot(page, 'health-01-warning');
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByRole('heading', { name: 'Run stopped early' })).toBeVisible();
  await expect(warning).toBeVisible();

  // A sensible rate: no warning.
  await page.getByLabel('Learning rate', { exact: true }).fill('0.001');
  await page.getByRole('button', { name: 'Train again' }).click();
  await expect(page.getByRole('heading', { name: 'Run finished' })).toBeVisible({ timeout: 180_000 });
  await expect(warning).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a model whose outputs overflow gives "no answer", not a confident 0', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/');
  await waitForReady(page);
  // Finite weights, but 3e38 times any inked pixel overflows every logit to infinity: NaN probabilities.
  const { modelJson, weights } = toTfjs({
    inputDim: 784,
    layers: [{ units: 10, activation: 'softmax' }],
    weights: [new Float32Array(7840).fill(3e38), new Float32Array(10)],
  });
  await page.getByLabel('Import a TensorFlow.js model: model.json and its weights file').setInputFiles([
    { name: 'model.json', mimeType: 'application/json', buffer: Buffer.from(modelJson) },
    { name: 'model.weights.bin', mimeType: 'application/octet-stream', buffer: Buffer.from(weights) },
  ]);
  await expect(page.getByTestId('shown-model')).toContainText('The pad now uses model.json (784 → 10)');
  await drawStroke(page, [
    [0.5, 0.15],
    [0.5, 0.85],
  ]);
  await expect(page.getByTestId('prediction')).toHaveText('no answer');
  await expect(page.getByText('its weights are broken')).toBeVisible();
  await screenshot(page, 'health-02-no-answer');
  expect(errors).toEqual([]);
});
