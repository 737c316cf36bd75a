import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { MNIST_DIR, runProgram, scratch } from '../torch/python';
import { collectErrors, screenshot, waitForReady } from './helpers';

test('from the app to PyTorch: the Code view’s program, given the downloaded weights, scores the app’s test accuracy', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const errors = collectErrors(page);
  await page.goto('/?model=convnet&layers=c4,p,f,d16&epochs=1&batch=64&train=1280&lr=0.005&seed=3');
  await waitForReady(page);
  await page.getByRole('button', { name: 'Train' }).click();
  await expect(page.getByRole('heading', { name: 'Run finished' })).toBeVisible({ timeout: 240_000 });
  const shown = Number((await page.getByTestId('test-accuracy').textContent())?.replace('%', ''));

  await page.getByRole('radio', { name: 'PyTorch' }).check();
  const code = page.getByRole('region', { name: 'PyTorch program' });
  await expect(code).toContainText('nn.Conv2d(1, 4, 3),');
  await expect(code).toContainText('nn.Linear(676, 16),');
  const dir = scratch();
  const program = join(dir, 'digits_torch.py');
  writeFileSync(program, (await code.locator('code').textContent()) ?? '');

  // TF.js's format holds Dense stacks only: its download says so, and points to the one that works.
  await page.getByRole('button', { name: 'Download model (TF.js)' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Not exported' })).toHaveText(
    'Not exported: TF.js export writes Dense stacks only, and this model has a Conv2D(4, 3x3, relu) layer (Download weights (safetensors) takes any model).',
  );
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download weights (safetensors)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('model.safetensors');
  const weights = join(dir, 'model.safetensors');
  await download.saveAs(weights);
  await expect(page.getByRole('alert').filter({ hasText: 'Not exported' })).toHaveCount(0);
  await screenshot(page, 'torch-01-downloaded');

  const run = await runProgram(program, ['--data', MNIST_DIR, '--weights', weights, '--epochs', '0']);
  expect(run.stderr).toBe('');
  const accuracy = Number(/test accuracy (\d\.\d+)/.exec(run.stdout)?.[1]);
  console.info(`the app: ${shown}%; PyTorch: ${run.stdout.trim()}`);
  // The app shows one decimal of a percent; PyTorch on the CPU and the app's GPU agree to an image or two.
  expect(Math.abs(accuracy * 100 - shown)).toBeLessThanOrEqual(0.1);
  expect(accuracy).toBeGreaterThan(0.5);
  expect(errors).toEqual([]);
});
