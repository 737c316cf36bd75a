import { expect, type Page, test } from '@playwright/test';
import { RECORD_SCHEMA } from '../../src/page/savedRunRecord';
import { collectErrors, gpuBytes, waitForReady } from './helpers';
import { denseWeights, goodRecord, putRecords, storedRuns } from './records';

const rows = (page: Page) => page.getByRole('list', { name: 'Saved runs' }).getByRole('listitem');
const row = (page: Page, id: string) => page.locator(`li[data-run-id="${id}"]`);

test('corrupt, old and newer records: listed, the bad ones as unreadable with Delete; the page stays alive', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.goto('/');
  await waitForReady(page);
  const noSettings = goodRecord('run-no-settings', 'No settings');
  delete noSettings.info.settings;
  const nanWeights = goodRecord('run-nan', 'NaN weights', { updatedAt: 900 });
  (nanWeights.data as { weights: number[][] }).weights[2][3] = Number.NaN;
  // Consistent in itself, but 8 hidden units where its settings say 16: only the worker can tell.
  const wrongModel = goodRecord('run-wrong', 'Wrong model', { updatedAt: 800 });
  Object.assign(wrongModel.data as object, denseWeights(8));
  await putRecords(page, [
    goodRecord('run-old', 'Old format', { schema: 1, updatedAt: 1_000 }),
    noSettings,
    goodRecord('run-newer', 'From the future', { schema: 99 }),
    nanWeights,
    wrongModel,
  ]);
  await page.reload();
  await waitForReady(page);

  await expect(rows(page)).toHaveCount(5);
  await expect(row(page, 'run-no-settings')).toContainText(
    'This saved run cannot be read: it has no settings.',
  );
  await expect(row(page, 'run-newer')).toContainText(
    `it was saved by a newer version of this app (format 99; this page reads up to ${RECORD_SCHEMA})`,
  );
  // The old format (no version) is read as it always was: nothing the user had is lost.
  await expect(row(page, 'run-old')).toContainText('Epoch 1 of 2 · test 50.0%');
  await page.getByRole('button', { name: 'Open Old format' }).click();
  await expect(page.getByTestId('shown-model')).toContainText(
    'The pad now uses Old format, as saved after epoch 1',
  );

  // Damaged weights are refused by the page, naming the array.
  await page.getByRole('button', { name: 'Open NaN weights' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'cannot be read' })).toHaveText(
    'This saved run cannot be read: array 2 holds NaN or infinite weights.',
  );
  // Weights that do not fit the settings are refused by the worker, which gives back what it built.
  const before = await gpuBytes(page);
  await page.getByRole('button', { name: 'Resume Wrong model' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'could not be resumed' })).toContainText(
    'The saved run could not be resumed: setWeights: array 0 has 6272 values, expected 12544',
  );
  expect((await gpuBytes(page)).inUse).toBe(before.inUse);
  await expect(page.getByTestId('shown-model')).toContainText('Old format');

  // The unreadable ones can be deleted; the page still trains.
  await page.getByRole('button', { name: 'Delete unreadable From the future' }).click();
  await page.getByRole('button', { name: 'Delete unreadable No settings' }).click();
  await expect(rows(page)).toHaveCount(3);
  expect((await storedRuns(page)).map((r) => r.id)).toEqual(['run-nan', 'run-old', 'run-wrong']);
  await expect(page.getByRole('button', { name: 'Train again' })).toBeEnabled();
  await expect(page.getByTestId('part-failed')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('Resume, Resume and Train clicked in one go: one run resumes, and autosave writes it under its own id', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.goto('/');
  await waitForReady(page);
  await putRecords(page, [
    goodRecord('run-a', 'Run A', { updatedAt: 2_000 }),
    goodRecord('run-b', 'Run B', { updatedAt: 1_000 }),
  ]);
  await page.reload();
  await waitForReady(page);
  await expect(rows(page)).toHaveCount(2);
  // All three in the same task: no render in between can disable the buttons, so the keeper must refuse.
  await page.evaluate(() => {
    const click = (label: string) =>
      (document.querySelector(`button[aria-label="${label}"]`) as HTMLButtonElement | null)?.click();
    click('Resume Run A');
    click('Resume Run B');
    (
      [...document.querySelectorAll('button')].find((b) => b.textContent === 'Train') as HTMLButtonElement
    ).click();
  });
  await expect(page.getByRole('heading', { name: 'Run finished' })).toBeVisible({ timeout: 120_000 });
  await expect(row(page, 'run-a')).toContainText('Epoch 2 of 2');
  expect(await storedRuns(page)).toEqual([
    { id: 'run-a', name: 'Run A', epoch: 2 },
    { id: 'run-b', name: 'Run B', epoch: 1 },
  ]);
  // Persistence was asked for at this first save: the page says what the browser answered.
  const persisted = await page.evaluate(() => navigator.storage.persisted());
  await expect(page.getByTestId('storage-protection')).toHaveText(
    persisted ? /^Saved runs are protected/ : /^Saved runs are not protected from eviction/,
  );
  expect(errors).toEqual([]);
});

// Damaged records never take the page down (#26): every field of a record's charts is checked when it
// is read (a rate-change list that is not a list used to unmount the app on Open, and a rate of -5
// reached the run on Resume), and a record whose key is not text can still be deleted.
test('damaged charts and keys: refused with why when opened or resumed, deletable by their stored key; the page stays', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.goto('/');
  await waitForReady(page);
  const history = (rateChanges: unknown) => ({
    ...(goodRecord('x', 'x').data as { history: object }).history,
    rateChanges,
  });
  const notList = goodRecord('run-rates', 'Rates not a list');
  (notList.data as { history: unknown }).history = history(5);
  const negative = goodRecord('run-negative', 'Negative rate', { updatedAt: 900 });
  (negative.data as { history: unknown }).history = history([{ step: 3, rate: -5 }]);
  const badPoint = goodRecord('run-point', 'Bad point', { updatedAt: 800 });
  (badPoint.data as { history: { curve: { accuracy: unknown }[] } }).history.curve[0].accuracy = 'x';
  const numbered = goodRecord('run-7', 'Numbered', { updatedAt: 700 });
  numbered.info.id = 7;
  await putRecords(page, [notList, negative, badPoint, numbered]);
  await page.reload();
  await waitForReady(page);
  await expect(rows(page)).toHaveCount(4);
  const refusal = page.getByRole('alert').filter({ hasText: 'cannot be read' });

  await page.getByRole('button', { name: 'Open Rates not a list' }).click();
  await expect(refusal).toHaveText(
    'This saved run cannot be read: its learning-rate changes are not a list.',
  );
  await page.getByRole('button', { name: 'Resume Negative rate' }).click();
  await expect(refusal).toHaveText(
    'This saved run cannot be read: its learning-rate change 1 sets the rate -5; a rate is a number above 0.',
  );
  await page.getByRole('button', { name: 'Open Bad point' }).click();
  await expect(refusal).toHaveText('This saved run cannot be read: its chart point 1 has the accuracy x.');
  // Nothing was opened or resumed: no charts came, no run started.
  await expect(page.getByTestId('shown-model')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled();
  await expect(page.getByTestId('loss-chart')).toHaveAttribute('data-points', '0');

  // The record keyed by a number is listed as unreadable, and deleted by that key.
  await expect(row(page, '7')).toContainText('This saved run cannot be read: its key (7) is not text.');
  await page.getByRole('button', { name: 'Delete unreadable Numbered' }).click();
  await expect(rows(page)).toHaveCount(3);
  expect((await storedRuns(page)).map((r) => r.id)).toEqual(['run-negative', 'run-point', 'run-rates']);
  await expect(page.getByTestId('part-failed')).toHaveCount(0);
  expect(errors).toEqual([]);
});
