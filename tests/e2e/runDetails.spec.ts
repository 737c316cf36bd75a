// The status's Details (#29) closes as a popover does: Escape (focus back on its button) and a press
// outside it; a press inside leaves it open.
import { expect, test } from '@playwright/test';
import { collectErrors, openRunDetails, waitForReady } from './helpers';

test('Details closes on Escape, focus back on its button, and on a press outside it', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/');
  await waitForReady(page);
  const details = page.getByTestId('run-details');
  const summary = details.locator(':scope > summary');

  await summary.focus();
  await page.keyboard.press('Enter');
  await expect(details).toHaveAttribute('open', '');
  await page.keyboard.press('Escape');
  await expect(details).not.toHaveAttribute('open', '');
  await expect(summary).toBeFocused();

  await openRunDetails(page);
  // A press inside leaves it open.
  await details.locator('.run-details-body').click();
  await expect(details).toHaveAttribute('open', '');
  await page.getByRole('heading', { name: 'Settings' }).click();
  await expect(details).not.toHaveAttribute('open', '');
  expect(errors).toEqual([]);
});
