import { expect, test } from '@playwright/test';
import { screenshot, waitForReady } from './helpers';

test('settings are checked as typed, and Train waits until all are valid', async ({ page }) => {
  await page.goto('/');
  await waitForReady(page);
  const train = page.getByRole('button', { name: 'Train' });
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
