// A saved run holds only its own data (#26): the keeper writes a run's record from the worker's
// messages about that run, never from what the page shows. Train R, then have a Resume refused and
// open another saved run X: R's record keeps R's charts and accuracy, Save now acts only on the run
// on screen (off, saying why, while X is), and the comparison shows each run with its own settings.
import { expect, type Page, test } from '@playwright/test';
import { collectErrors, waitForReady } from './helpers';
import { denseWeights, goodRecord, putRecords, storedRecord, storedRuns } from './records';

const row = (page: Page, id: string) => page.locator(`li[data-run-id="${id}"]`);
const saveNow = (page: Page) => page.getByRole('button', { name: 'Save now', exact: true });

test('Save now and the comparison never give one run another run’s charts or settings', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/?epochs=1&batch=100&train=1000&hidden=32&seed=7');
  await waitForReady(page);
  // X: a saved run with 16 hidden units. W: weights that do not fit its settings (the worker refuses it).
  const wrong = goodRecord('run-w', 'Wrong model', { updatedAt: 500 });
  Object.assign(wrong.data as object, denseWeights(8));
  await putRecords(page, [goodRecord('run-x', 'Saved X', { updatedAt: 900 }), wrong]);
  await page.reload();
  await waitForReady(page);
  await expect(saveNow(page)).toHaveAccessibleDescription(/nothing is trained yet/);

  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Run finished' })).toBeVisible({ timeout: 120_000 });
  const r = (await storedRuns(page)).find((run) => !['run-x', 'run-w'].includes(run.id));
  if (!r) throw new Error('the run trained here was not saved');
  const own = await storedRecord(page, r.id);
  expect(own.losses.length).toBeGreaterThan(1);
  const points = await page.getByTestId('loss-chart').getAttribute('data-points');

  // A Resume the worker refuses: the charts stay R's (a saved run's appear only with the worker's
  // answer), and Save now saves R with R's own charts.
  await row(page, 'run-w')
    .getByRole('button', { name: /^Resume / })
    .click();
  await expect(page.getByRole('alert').filter({ hasText: 'could not be resumed' })).toBeVisible();
  await expect(page.getByTestId('loss-chart')).toHaveAttribute('data-points', points ?? '');
  await expect(saveNow(page)).toBeEnabled();
  await saveNow(page).click();
  await expect(page.getByText(`Saved "${r.name}" after epoch 1.`)).toBeVisible();
  expect(await storedRecord(page, r.id)).toEqual(own);

  // X opened: the page shows X, so Save now is off and says why; R's record is untouched.
  await row(page, 'run-x')
    .getByRole('button', { name: /^Open / })
    .click();
  await expect(page.getByTestId('shown-model')).toContainText(
    'The pad now uses Saved X, as saved after epoch 1',
  );
  await expect(saveNow(page)).toBeDisabled();
  await expect(saveNow(page)).toHaveAccessibleDescription(
    'Save now is off: the page shows the saved run "Saved X" as it is saved (Save now saves a run trained in this page).',
  );
  expect(await storedRecord(page, r.id)).toEqual(own);

  // Compared, each run reads its own record: R has 32 hidden units and its own accuracy, X 16.
  const picker = page.getByRole('group', { name: /Runs to compare/ });
  await picker.getByRole('checkbox', { name: /\(current\)/ }).check();
  await picker.getByRole('checkbox', { name: /^Saved X/ }).check();
  const table = page.getByRole('table', { name: /Settings and results/ });
  await expect(table.getByRole('row', { name: /Hidden units/ }).getByRole('cell')).toHaveText(['32', '16']);
  await expect(table.getByRole('row', { name: /Test accuracy/ }).getByRole('cell')).toHaveText([
    `${((own.testAccuracy ?? 0) * 100).toFixed(2)}%`,
    '50.00%',
  ]);
  expect(errors).toEqual([]);
});
