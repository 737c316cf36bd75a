// "Fight overfitting" (#30): the model trained several ways on a small training set, measured on
// validation images held out of it, then compared: the table shows each run's best and last
// validation loss and the gap between its validation and training loss. A tiny version: the sizes
// on screen stand when validation images are set there.
import { expect, test } from '@playwright/test';
import { OVERFITTING_WAYS } from '../../src/page/overfittingPreset';
import { collectErrors, screenshot, waitForReady } from './helpers';

test('"Fight overfitting" trains the model its ways on the sizes on screen and compares their validation losses', async ({
  page,
}) => {
  const errors = collectErrors(page);
  const runs = OVERFITTING_WAYS.length;
  await page.goto('/?epochs=2&batch=100&train=200&hidden=16&seed=2&validation=100');
  await waitForReady(page);
  await page.getByRole('button', { name: 'Fight overfitting' }).click();

  const lossChart = page.getByTestId('compare-loss');
  await expect(lossChart).toHaveAttribute('data-runs', String(runs), { timeout: 180_000 });
  await expect(page.getByRole('button', { name: 'Fight overfitting' })).toBeEnabled();
  const table = page.getByRole('table', { name: /Settings and results/ });
  await expect(table.getByRole('row', { name: /Validation images/ })).toContainText('100');
  const gaps = page.getByTestId('loss-gap').getByRole('cell');
  await expect(gaps).toHaveCount(runs);
  for (const text of await gaps.allTextContents()) expect(text).toMatch(/^[+-]\d+\.\d{4}$/);
  const best = table.getByRole('row', { name: /Best held-out loss/ }).getByRole('cell');
  for (const text of await best.allTextContents()) expect(text).toMatch(/^validation \d+\.\d{4} \([12]\)$/);
  await screenshot(page, 'overfitting-01-compared');
  expect(errors).toEqual([]);
});
