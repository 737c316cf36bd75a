import { expect, test } from '@playwright/test';
import {
  collectErrors,
  drawStroke,
  expectHeldAt,
  holdRunAt,
  releaseRun,
  savedRuns,
  waitForReady,
} from './helpers';

test('BatchNormalization from the layer editor trains; the link, the name and the saved run keep it (moving statistics included), and the run reopens after a reload', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const errors = collectErrors(page);
  await page.goto('/?model=convnet&layers=f,d16&epochs=1&train=256&batch=64&seed=4');
  await waitForReady(page);
  const editor = page.getByRole('group', { name: 'Layers' });
  const rows = editor.getByRole('listitem');
  await editor.getByRole('button', { name: '+ BatchNormalization' }).click();
  // Keras's summary: 4 per unit (gamma, beta, moving_mean, moving_variance).
  await expect(rows.nth(2)).toContainText(/^BatchNormalization.*\(16\) · 64 parameters/);

  // Held at its first batch (no timing): the run's link carries the layer.
  await holdRunAt(page, 1);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page).toHaveURL(/model=convnet&layers=f,d16,bn(&|$)/);
  await expectHeldAt(page, 1);
  await releaseRun(page);

  // The run ends after its one epoch (4 steps) and is saved: its name has the stack, its weights
  // are Keras's, the moving statistics moved from 0 and 1 on the GPU.
  const saved = page.getByRole('list', { name: 'Saved runs' }).getByRole('listitem');
  await expect(saved.first()).toContainText('ConvNet f,d16,bn', { timeout: 120_000 });
  await expect.poll(async () => (await savedRuns(page))[0]?.epoch, { timeout: 60_000 }).toBe(1);
  const [run] = await savedRuns(page);
  expect(run.weights.map((w) => w.length)).toEqual([784 * 16, 16, 16, 16, 16, 16, 16 * 10, 10]);
  const [movingMean, movingVariance] = run.weights.slice(4, 6);
  expect(movingMean.some((v) => v > 0)).toBe(true);
  expect(movingVariance.some((v) => v !== 1)).toBe(true);

  // After a reload the saved run opens (its record is checked on read) with its stack, and answers
  // a drawing with the moving statistics.
  await page.reload();
  await waitForReady(page);
  await saved
    .first()
    .getByRole('button', { name: /^Open / })
    .click();
  await expect(page.getByTestId('shown-model')).toContainText('as saved after epoch 1');
  await expect(rows.nth(2)).toContainText('BatchNormalization');
  await drawStroke(page, [
    [0.5, 0.15],
    [0.5, 0.5],
    [0.5, 0.85],
  ]);
  await expect(page.getByTestId('prediction')).toHaveText(/^\d$/);
  expect(errors).toEqual([]);
});
