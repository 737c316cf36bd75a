import { expect, test } from '@playwright/test';
import {
  collectErrors,
  curveLength,
  drawStroke,
  expectHeldAt,
  holdRunAt,
  openRunDetails,
  releaseRun,
  screenshot,
  waitForReady,
} from './helpers';

test('the ConvNet: picked, edited (an impossible stack refused with its reason), trained, then reads a drawing', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const errors = collectErrors(page);
  await page.goto('/?epochs=1&train=1000');
  await waitForReady(page);

  // Picking the ConvNet brings its layer editor and the book's batch of 64; the hidden units go.
  await page.getByRole('radio', { name: /ConvNet \(chapter 8\)/ }).check();
  await expect(page.getByLabel('Batch size')).toHaveValue('64');
  await expect(page.getByLabel('Hidden units')).toHaveCount(0);
  const editor = page.getByRole('group', { name: 'Layers' });
  const rows = editor.getByRole('listitem');
  await expect(rows).toHaveCount(8);
  await expect(rows.nth(0)).toContainText(/^Conv2D\(32, 3x3, relu\).*\(26, 26, 32\) · 320 parameters/);
  await expect(rows.nth(5)).toContainText(/^Flatten.*\(576\) · 0 parameters$/);
  await expect(rows.nth(7)).toContainText(/^Dense\(10, softmax\).*\(10\) · 650 parameters/);
  await expect(editor.getByTestId('layer-total')).toHaveText('93,322');
  await screenshot(page, 'convnet-01-editor');

  // A convolution after Dense is impossible: refused, with the reason, and nothing can be trained.
  await editor.getByRole('button', { name: '+ Conv2D' }).click();
  await expect(editor.getByRole('alert')).toHaveText(
    'This stack cannot be trained: Conv2D after Flatten or Dense is not possible: the data is no longer an image.',
  );
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeDisabled();
  // An impossible stack has no total, rather than a partial sum that would read as one.
  await expect(editor.getByTestId('layer-total')).toHaveText('—');
  await screenshot(page, 'convnet-02-refused');
  await editor.getByRole('button', { name: 'Remove layer 8, Conv2D(32, 3x3, relu)' }).click();
  await expect(editor.getByRole('alert')).toHaveCount(0);

  // New layers go where asked, and layers can be moved.
  await editor.getByLabel('Where new layers go').selectOption({ label: 'before layer 6 (Flatten)' });
  await editor.getByRole('button', { name: '+ Conv2D' }).click();
  await expect(rows.nth(5)).toContainText(/^Conv2D\(32, 3x3, relu\).*\(1, 1, 32\)/);
  await expect(editor.getByRole('alert')).toHaveCount(0);
  await editor.getByRole('button', { name: 'Move layer 6, Conv2D(32, 3x3, relu), down' }).click();
  await expect(rows.nth(5)).toContainText('Flatten');
  await expect(editor.getByRole('alert')).toHaveCount(1);
  await editor.getByRole('button', { name: 'Move layer 7, Conv2D(32, 3x3, relu), up' }).click();
  await expect(editor.getByRole('alert')).toHaveCount(0);
  await editor.getByRole('button', { name: 'Remove layer 6, Conv2D(32, 3x3, relu)' }).click();
  await expect(rows).toHaveCount(8);

  // Resizing a layer updates its parameters and the total.
  const filters = editor.getByLabel('Filters of layer 1');
  await filters.fill('16');
  await expect(rows.nth(0)).toContainText('(26, 26, 16) · 160 parameters');
  await filters.fill('32');
  await expect(editor.getByTestId('layer-total')).toHaveText('93,322');

  await holdRunAt(page, 1);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page).toHaveURL(/model=convnet&layers=c32,p,c64,p,c64,f,d64$/);
  await expectHeldAt(page, 1);
  await openRunDetails(page);
  await expect(
    page.getByText(/Network: 28×28 images → Conv2D\(32, 3x3, relu\) → MaxPooling2D/),
  ).toBeVisible();
  await releaseRun(page);
  const accuracy = page.getByTestId('test-accuracy');
  // 16 batches, then the 10,000 test images through the ConvNet: a minute or two on SwiftShader.
  await expect(accuracy).toBeVisible({ timeout: 240_000 });
  expect(Number.parseFloat((await accuracy.textContent()) ?? '')).toBeGreaterThan(50);
  expect(await curveLength(page, 'loss-chart')).toBeGreaterThan(0);

  await drawStroke(page, [
    [0.5, 0.15],
    [0.5, 0.5],
    [0.5, 0.85],
  ]);
  await expect(page.getByTestId('prediction')).toHaveText(/^\d$/);
  await screenshot(page, 'convnet-03-trained');
  expect(errors).toEqual([]);
});
