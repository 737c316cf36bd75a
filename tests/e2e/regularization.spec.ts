import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { collectErrors, expectHeldAt, holdRunAt, releaseRun, screenshot, waitForReady } from './helpers';

test('the layer editor adds Dropout and L2 by keyboard, names them, refuses a bad rate, and the link carries them', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const errors = collectErrors(page);
  await page.goto('/?model=convnet&layers=f,d32&epochs=1&train=500');
  await waitForReady(page);
  const editor = page.getByRole('group', { name: 'Layers' });
  const rows = editor.getByRole('listitem');
  await expect(rows).toHaveCount(3);

  await editor.getByRole('button', { name: '+ Dropout' }).click();
  await expect(rows.nth(2)).toContainText(/^Dropout\(0\.5\).*\(32\) · 0 parameters/);
  const rate = editor.getByLabel('Rate of layer 3');
  await rate.fill('');
  await rate.pressSequentially('0.3'); // key by key: "0" and "0." must not be lost on the way
  await expect(rows.nth(2)).toContainText('Dropout(0.3)');

  // From the Dense layer's units, Tab reaches its L2 box; typing sets Keras's kernel_regularizer.
  await editor.getByLabel('Units of layer 2').focus();
  await page.keyboard.press('Tab');
  await expect(editor.getByLabel('L2 of layer 2')).toBeFocused();
  await page.keyboard.type('0.001');
  await expect(rows.nth(1)).toContainText('Dense(32, relu, L2 0.001)');
  await expect(rows.nth(1)).toContainText('(32) · 25,120 parameters');
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled();

  // A rate of 1 would drop everything: refused with the reason, and nothing is lost.
  await rate.fill('1');
  await expect(editor.getByRole('alert')).toHaveText(
    'This stack cannot be trained: Dropout needs a rate from 0 to below 1 (0.5 drops half).',
  );
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeDisabled();
  await rate.fill('0.3');
  await expect(editor.getByRole('alert')).toHaveCount(0);
  await expect(rows).toHaveCount(4);

  const { violations } = await new AxeBuilder({ page })
    .include('.layer-editor')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await screenshot(page, 'regularization-01-editor');

  // Trained, the run's link carries both (held at its first batch: no timing).
  await holdRunAt(page, 1);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page).toHaveURL(/model=convnet&layers=f,d32(:|%3A)l2(=|%3D)0\.001,dr0\.3$/);
  await expectHeldAt(page, 1);
  await releaseRun(page);
  expect(errors).toEqual([]);
});
