import { expect, type Page, test } from '@playwright/test';
import { collectErrors, expectHeldAt, holdRunAt, waitForReady } from './helpers';
import { storedRuns } from './records';

const rows = (page: Page) => page.getByRole('list', { name: 'Saved runs' }).getByRole('listitem');
const button = (page: Page, name: string | RegExp) => page.getByRole('button', { name, exact: true });

// Two tabs of the app in one browser: tab 1 trains, tab 2 renames then deletes the run. Tab 1 pauses
// for each (held at steps 150 and 250, of 100-batch epochs), so the change lands between two of its
// autosaves.
test('two tabs: lists stay in step; a rename or delete in one tab is not undone by the other tab’s autosave', async ({
  context,
}) => {
  // Two pages training and saving at once: 1.1 min alone, 2.7 beside three other jobs.
  test.setTimeout(480_000);
  const trainer = await context.newPage();
  const other = await context.newPage();
  const errors = [...collectErrors(trainer), ...collectErrors(other)];
  await trainer.goto('/?epochs=3&batch=100&train=10000&hidden=16&seed=5');
  await other.goto('/');
  await waitForReady(trainer);
  await expect(other.getByText('No saved runs yet')).toBeVisible();

  await holdRunAt(trainer, 150);
  await button(trainer, 'Train').click();
  // Epoch 1's autosave reaches the other tab's list without a reload.
  await expect(rows(other)).toHaveCount(1, { timeout: 120_000 });
  await expectHeldAt(trainer, 150);
  await button(trainer, 'Pause').click();
  await expect(button(trainer, 'Resume')).toBeEnabled(); // paused
  const [saved] = await storedRuns(other);

  await other.getByRole('button', { name: `Rename ${saved.name}` }).click();
  await other.getByLabel(`New name for ${saved.name}`).fill('Renamed elsewhere');
  await other.getByRole('button', { name: 'Save name' }).click();
  await expect(rows(trainer).first()).toContainText('Renamed elsewhere');
  await holdRunAt(trainer, 250);
  await button(trainer, 'Resume').click();
  // The next autosave keeps the other tab's name.
  await expect(rows(trainer).first()).toContainText(/Epoch 2 of 3/, { timeout: 120_000 });
  await expectHeldAt(trainer, 250);
  await button(trainer, 'Pause').click();
  await expect(button(trainer, 'Resume')).toBeEnabled(); // paused
  expect((await storedRuns(trainer)).map((r) => r.name)).toEqual(['Renamed elsewhere']);
  await expect(rows(other).first()).toContainText('Renamed elsewhere');

  await other.getByRole('button', { name: 'Delete Renamed elsewhere' }).click();
  await other.getByRole('button', { name: 'Really delete Renamed elsewhere' }).click();
  await expect(other.getByText('No saved runs yet')).toBeVisible();
  await expect(trainer.getByText('No saved runs yet')).toBeVisible();
  await button(trainer, 'Resume').click();
  await expect(trainer.getByRole('heading', { name: 'Run finished' })).toBeVisible({ timeout: 120_000 });
  // Its last autosave did not bring the deleted run back, and said why.
  await expect(
    trainer.getByText('"Renamed elsewhere" was deleted in another tab: it is no longer saved.'),
  ).toBeVisible();
  expect(await storedRuns(trainer)).toEqual([]);
  await expect(trainer.getByText('No saved runs yet')).toBeVisible();
  expect(errors).toEqual([]);
});

// Two tabs and one run (#26): a run trains in one tab at a time (a Web Lock per run), and a write of
// an older epoch never replaces a newer one that another tab saved; the tab that lost says so.
test('two tabs and one run: no Resume while the other tab trains it; an older epoch is not saved over a newer one', async ({
  context,
}) => {
  const first = await context.newPage();
  const second = await context.newPage();
  const errors = [...collectErrors(first), ...collectErrors(second)];
  await first.goto('/?epochs=3&batch=100&train=1000&hidden=16&seed=6');
  await second.goto('/');
  await waitForReady(first);
  await waitForReady(second);

  // The first tab trains; held mid-epoch 2, after epoch 1 was saved.
  await holdRunAt(first, 15);
  await button(first, 'Train').click();
  await expect(rows(second)).toHaveCount(1, { timeout: 120_000 });
  await expectHeldAt(first, 15);
  const [run] = await storedRuns(second);
  await second.getByRole('button', { name: `Resume ${run.name}` }).click();
  await expect(second.getByRole('alert')).toHaveText(
    `"${run.name}" is training in another tab: resume it there, or here once it stops.`,
  );
  await expect(button(second, 'Train')).toBeEnabled(); // nothing started here

  // Stopped there, the run is the second tab's to resume: it trains epochs 2 and 3.
  await button(first, 'Stop').click();
  await expect(first.getByRole('heading', { name: 'Run stopped early' })).toBeVisible();
  await second.getByRole('button', { name: `Resume ${run.name}` }).click();
  await expect(second.getByRole('heading', { name: 'Run finished' })).toBeVisible({ timeout: 120_000 });
  await expect(rows(first).first()).toContainText('Epoch 3 of 3');

  // The first tab's run is still on its screen, at epoch 1: Save now does not write it over epoch 3.
  await button(first, 'Save now').click();
  await expect(first.getByRole('alert')).toHaveText(
    `"${run.name}" after epoch 1 was not saved: another tab saved it after epoch 3, which is kept.`,
  );
  expect((await storedRuns(first)).map((r) => r.epoch)).toEqual([3]);
  expect(errors).toEqual([]);
});

test('another tab upgrading the database: this tab lets go at once and says to reload', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/');
  await expect(page.getByText('No saved runs yet')).toBeVisible({ timeout: 120_000 });
  // A newer version of the app in another tab opens the database at version 2; this tab's open
  // connection would block that upgrade forever unless it closes on 'versionchange'.
  const upgraded = await page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('digits-on-webgpu', 2);
        open.onsuccess = () => {
          open.result.close();
          resolve(open.result.version);
        };
        open.onerror = () => reject(open.error);
      }),
  );
  expect(upgraded).toBe(2);
  await expect(page.getByRole('alert')).toContainText(
    'Another tab opened a newer version of this app: reload this page',
  );
  await expect(page.getByText('Saved runs are unavailable in this browser.')).toBeVisible();
  expect(errors).toEqual([]);
});
