import { expect, test } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../../vite.config';
import { screenshot } from './helpers';

// A real browser without WebGPU: the same Chromium, minus the flag that gives it an adapter here.
test.use({
  launchOptions: {
    executablePath: chromiumPath,
    args: ['--no-sandbox', ...chromiumArgs.filter((arg) => arg !== '--enable-unsafe-webgpu')],
  },
});

test('without WebGPU the page says what is missing and how to get it', async ({ page }) => {
  await page.goto('/');
  const panel = page.getByRole('alert');
  await expect(
    panel.getByRole('heading', { name: 'This page needs WebGPU, and none is available here' }),
  ).toBeVisible();
  await expect(panel).toContainText(/no GPU adapter is available|navigator\.gpu is missing/);
  await expect(panel).toContainText('Chrome or Edge');
  await expect(page.getByText('WebGPU adapter: none')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Train' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Reload the page' })).toBeVisible();
  await screenshot(page, '11-no-webgpu');
});
