// Changing the learning rate during a run (#16): from the next batch, marked on the charts, kept in
// the saved run and shown when runs are compared.
import { expect, type Page, test } from '@playwright/test';
import { collectErrors, expectHeldAt, holdRunAt, openRunDetails, screenshot, waitForReady } from './helpers';

/** The rate changes in the saved runs' histories, read from IndexedDB. */
function savedRateChanges(page: Page): Promise<{ step: number; rate: number }[][]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('digits-on-webgpu');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const data = await new Promise<{ history: { rateChanges?: { step: number; rate: number }[] } }[]>(
      (resolve, reject) => {
        const request = db.transaction('runData').objectStore('runData').getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      },
    );
    db.close();
    return data.map((d) => d.history.rateChanges ?? []);
  });
}

test('a rate changed while paused takes effect on resuming, is marked on the charts, saved and compared', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.goto('/?epochs=2&batch=100&train=2000&hidden=16&seed=5&lr=0.001');
  await waitForReady(page);
  await holdRunAt(page, 10);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expectHeldAt(page, 10);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('button', { name: 'Resume' })).toBeEnabled();

  await openRunDetails(page);
  const field = page.getByRole('textbox', { name: 'Change the learning rate now' });
  await field.fill('ten');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByText('Learning rate must be a number.')).toBeVisible();
  await expect(page.getByTestId('loss-chart')).toHaveAttribute('data-rate-marks', '0');

  await field.fill('0.02');
  await page.getByRole('button', { name: 'Apply' }).click();
  const status = page.getByText(/^Learning rate 0\.02 since batch \d+ \(started at 0\.001\)\.$/);
  await expect(status).toBeVisible();
  const step = Number((await status.textContent())?.match(/batch (\d+)/)?.[1]);
  expect(step).toBe(10);
  await expect(page.getByTestId('loss-chart')).toHaveAttribute('data-rate-marks', '1');
  await expect(page.getByTestId('accuracy-chart')).toHaveAttribute('data-rate-marks', '1');

  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(page.getByRole('heading', { name: 'Run finished' })).toBeVisible({ timeout: 120_000 });
  await screenshot(page, 'rate-change-01-marked');
  await expect.poll(() => savedRateChanges(page)).toEqual([[{ step, rate: 0.02 }]]);

  const picker = page.getByRole('group', { name: /Runs to compare/ });
  await picker.getByRole('checkbox').first().check();
  await expect(page.getByRole('row', { name: /Rate changed during the run/ })).toContainText(
    `to 0.02 at batch ${step}`,
  );
  expect(errors).toEqual([]);
});
