import { expect, test } from '@playwright/test';
import { collectErrors, screenshot, waitForReady } from './helpers';

test('settings are checked as typed, and Train waits until all are valid', async ({ page }) => {
  await page.goto('/');
  await waitForReady(page);
  const train = page.getByRole('button', { name: 'Train' });
  // Batch size and training images are folded away with the seed.
  await page.getByText('More settings: optimizer, batch size, seed, training images').click();
  // One Augment images box on the page, the folded settings open or not (its id is unique).
  await expect(page.getByRole('checkbox', { name: 'Augment images' })).toHaveCount(1);
  const cases = [
    { label: 'Epochs', bad: '0', message: 'Epochs must be between 1 and 100.', good: '3' },
    { label: 'Batch size', bad: '-3', message: 'Batch size must be between 1 and 4096.', good: '64' },
    { label: 'Learning rate', bad: 'abc', message: 'Learning rate must be a number.', good: '0.01' },
    { label: 'Training images', bad: '1e9', message: 'Training images must be between 1', good: '1000' },
    { label: 'Hidden units', bad: '1.5', message: 'Hidden units must be a whole number.', good: '32' },
  ];
  for (const { label, bad, message } of cases) {
    const field = page.getByLabel(label, { exact: true });
    await field.fill(bad);
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveAccessibleDescription(new RegExp(`^${message.replace('.', '\\.')}`));
    await expect(train).toBeDisabled();
  }
  await screenshot(page, '09-invalid-settings');
  for (const [i, { label, good }] of cases.entries()) {
    const field = page.getByLabel(label, { exact: true });
    await field.fill(good);
    await expect(field).not.toHaveAttribute('aria-invalid');
    if (i < cases.length - 1) await expect(train).toBeDisabled();
  }
  await expect(train).toBeEnabled();
});

test('a malformed link falls back to the defaults and says so', async ({ page }) => {
  await page.goto('/?epochs=abc&lr=-1&hidden=32');
  const notice = page.getByRole('status').filter({ hasText: 'Ignored' });
  await expect(notice).toContainText('Ignored epochs="abc" from the link: Epochs must be a number.');
  await expect(notice).toContainText('Ignored lr="-1" from the link: Learning rate must be between');
  await expect(page.getByLabel('Epochs', { exact: true })).toHaveValue('5');
  await expect(page.getByLabel('Learning rate', { exact: true })).toHaveValue('0.001');
  await expect(page.getByLabel('Hidden units', { exact: true })).toHaveValue('32');
  await screenshot(page, '10-link-notice');
  await page.getByRole('button', { name: 'Dismiss this notice' }).click();
  await expect(notice).toHaveCount(0);
});

test('a link cannot inject HTML', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(`/?epochs=${encodeURIComponent('<img src=x onerror=alert(1)>')}`);
  await expect(page.getByText('Ignored epochs="<img src=x onerror=alert(1)>" from the link')).toBeVisible();
  await expect(page.locator('img')).toHaveCount(0);
  await expect(page.getByLabel('Epochs', { exact: true })).toHaveValue('5');
  await page.waitForTimeout(500);
  expect(dialogs).toEqual([]);
});

test('hostile links: every one leaves a working page, valid settings, and text-only notes', async ({
  page,
}) => {
  const errors = collectErrors(page);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const script = '<script>alert(1)</script>';
  const cases: { query: string; notes: RegExp[] }[] = [
    {
      query: '?epochs=%E0%A4%A',
      notes: [/^Ignored epochs="\uFFFD+%A" from the link: Epochs must be a number\.$/],
    },
    { query: `?epochs=3&epochs=${encodeURIComponent(script)}`, notes: [] },
    {
      query: '?lr=NaN&hidden=Infinity&train=0x10&batch=1e400',
      // In the form's order.
      notes: [/batch="1e400".*between 1 and 4096/, /lr="NaN"/, /hidden="Infinity"/, /train="0x10"/],
    },
    {
      query: `?epochs=${'9'.repeat(5000)}`,
      notes: [/^Ignored epochs="9{40}" from the link: Epochs must be between/],
    },
    {
      query: `?hidden=${encodeURIComponent('<img src=x onerror=alert(1)>')}&lr=javascript:alert(1)`,
      notes: [/lr="javascript:alert\(1\)"/, /hidden="<img src=x onerror=alert\(1\)>"/],
    },
    { query: '?__proto__[epochs]=1&constructor=1&toString=1&hasOwnProperty=1', notes: [] },
    { query: '?epochs=%00%0A%0D', notes: [/^Ignored epochs="\\u0000\\n\\r" from the link/] },
    { query: '?epochs=%EF%BC%95', notes: [/epochs="５".*must be a number/] },
  ];
  for (const { query, notes } of cases) {
    await test.step(query.slice(0, 60), async () => {
      await page.goto(`/${query}`);
      await expect(page.getByRole('heading', { name: 'Train the network' })).toBeVisible();
      const notice = page.getByRole('status').filter({ hasText: 'Ignored' }).getByRole('listitem');
      await expect(notice).toHaveCount(notes.length);
      for (const [i, note] of notes.entries()) await expect(notice.nth(i)).toHaveText(note);
      await expect(page.locator('[aria-invalid="true"]')).toHaveCount(0);
      await expect(page.locator('img, iframe, object, embed')).toHaveCount(0);
      await expect(page.locator('script')).toHaveCount(1); // the app's own
    });
  }
  // The last page of them all works: it gets ready and can train.
  await waitForReady(page);
  await page.waitForTimeout(300);
  expect(dialogs).toEqual([]);
  expect(errors).toEqual([]);
});
