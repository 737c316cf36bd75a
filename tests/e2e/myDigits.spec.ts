import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { SIZE } from '../../src/ui/drawing';
import { drawnDigits } from '../cases/drawnStrokes';
import { collectErrors, drawStroke, expectHeldAt, holdRunAt, releaseRun, waitForReady } from './helpers';

// Train on them (issue 28): five 7s drawn through the real pad (four for training, the fifth kept for
// testing), a tiny run with "Train on my digits too" from the link, held by state while its epoch has
// the mixed batches' count, the handwriting score after its epoch, then a fine-tune with its before
// and after; axe-clean.

/** Draws fixture digit `index` (tests/fixtures/drawnDigits.json) and labels it by key. */
async function drawAndLabel(page: Page, index: number): Promise<void> {
  await page.getByRole('button', { name: 'Clear' }).click();
  for (const stroke of drawnDigits[index].strokes)
    await drawStroke(
      page,
      stroke.map(([x, y]) => [x / SIZE, y / SIZE]),
    );
  await expect(page.getByRole('button', { name: 'Label it 0' })).toBeVisible();
  await page.getByLabel('Digit drawing pad').focus();
  await page.keyboard.press(String(drawnDigits[index].label));
  await expect(page.getByTestId('drawing-kept')).toHaveText(/Kept in Your digits as a 7/);
}

test('train on my digits too, then fine-tune: the test digits read after the epoch, before and after', async ({
  page,
}) => {
  test.setTimeout(600_000);
  const errors = collectErrors(page);
  // 512 images in batches of 64: 8 batches alone; with 4 digits in each, 60 of MNIST's a batch: 9.
  await page.goto('/?epochs=1&batch=64&hidden=16&train=512&mydigits=1');
  await waitForReady(page);
  await expect(page.getByLabel('Train on my digits too')).toBeChecked();
  for (let i = 0; i < 5; i++) await drawAndLabel(page, 7 * 6 + i);
  await expect(page.getByTestId('your-digits-count')).toHaveText(
    /^5 drawings: 4 for training, 1 kept for testing only/,
  );

  await holdRunAt(page, 3);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expectHeldAt(page, 3);
  const bar = page.getByRole('progressbar', { name: 'Training progress' });
  await expect(bar).toHaveAttribute('aria-valuemax', '9');
  await releaseRun(page);

  const yours = page.getByRole('region', { name: 'Your digits' });
  const score = yours.getByTestId('handwriting-score');
  await expect(score).toHaveText(/^Your handwriting: [01] of 1 · MNIST test: \d+\.\d%$/, {
    timeout: 120_000,
  });
  await expect(page.getByRole('button', { name: 'Train again', exact: true })).toBeEnabled({
    timeout: 120_000,
  });

  await yours.getByRole('button', { name: 'Fine-tune', exact: true }).click();
  const result = yours.getByTestId('fine-tune-result');
  const line = /^your test digits [01] of 1 · MNIST test \d+\.\d%$/;
  await expect(result.getByRole('definition')).toHaveCount(2, { timeout: 120_000 });
  await expect(result.getByRole('definition').first()).toHaveText(line);
  await expect(result.getByRole('definition').last()).toHaveText(line);
  await expect(result.getByRole('term')).toHaveText(['Before', 'After']);

  // The run was saved with its epoch of 9 batches, not the 8 its settings make: it opens, charts and all.
  const saved = page.getByRole('list', { name: 'Saved runs' }).getByRole('listitem');
  await saved
    .first()
    .getByRole('button', { name: /^Open / })
    .click();
  await expect(page.getByTestId('shown-model')).toContainText('as saved after epoch 1');
  await expect(page.getByTestId('accuracy-chart').locator('.recharts-line-dot')).toHaveCount(1);

  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(violations.map((v) => v.id)).toEqual([]);
  expect(errors).toEqual([]);
});
