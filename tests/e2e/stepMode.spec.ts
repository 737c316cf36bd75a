// Step mode (#16): a paused run trains exactly one batch at a time; the page shows that batch's
// loss before and after the step and the hidden units whose incoming weights changed most (listed,
// and outlined on the unit tiles); Resume goes on from the next batch. Axe-clean, in light and
// dark, at a laptop's size and a phone's.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { collectErrors, expectHeldAt, holdRunAt, SCREENSHOTS, waitForReady } from './helpers';

const SIZES = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];

const STEP_LINE =
  /^Batch ([\d,]+) of the run \(50 images\): loss (\d+\.\d{4}) before the step, (\d+\.\d{4}) after it: /;

async function axeClean(page: Page, state: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const found = violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(found, `axe in ${state}`).toEqual([]);
}

async function expectInView(page: Page, locator: Locator): Promise<void> {
  const box = await locator.boundingBox();
  const view = page.viewportSize();
  expect(box && view && box.y >= 0 && box.y + box.height <= view.height, `${locator} in view`).toBe(true);
}

/** Batches trained, as the progress bar says (epoch × batches + batch). */
async function batchesDone(page: Page): Promise<number> {
  const bar = page.getByRole('progressbar', { name: 'Training progress' });
  return Number(await bar.getAttribute('aria-valuenow'));
}

test('a paused run steps one batch at a time: loss before and after, the units it moved most; Resume goes on', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.setViewportSize(SIZES[0]);
  await page.goto('/?epochs=1&batch=50&train=20000&hidden=32&seed=3&lr=0.001');
  await waitForReady(page);
  const stepButton = page.getByRole('button', { name: 'Step one batch' });
  await expect(stepButton).toBeDisabled();

  await holdRunAt(page, 8);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expectHeldAt(page, 8);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Resume', exact: true })).toBeEnabled();
  await expect(stepButton).toBeEnabled();
  const paused = await batchesDone(page);
  // The tiles are the first layer's: they will show the weights after the step, outlined.
  await page.getByRole('tab', { name: 'Unit tiles' }).click();

  const line = page.getByTestId('step-loss');
  const units = page.getByTestId('step-units').getByRole('listitem');
  for (const expected of [paused + 1, paused + 2]) {
    await stepButton.click();
    await expect(line).toHaveText(new RegExp(STEP_LINE.source.replace('([\\d,]+)', String(expected))));
    // Exactly one batch: the counter moved by one, and the run is still paused.
    expect(await batchesDone(page)).toBe(expected);
    await expect(page.getByRole('heading', { name: 'Paused' })).toBeVisible();
    await expect(stepButton).toBeFocused();
    const [, , before, after] = ((await line.textContent()) ?? '').match(STEP_LINE) ?? [];
    expect(Number.isFinite(Number(before)) && Number.isFinite(Number(after))).toBe(true);
    expect(Number(before)).toBeGreaterThan(0);
    // The eight units whose incoming weights changed most, largest first, each with its change.
    await expect(units).toHaveCount(8);
    const listed = await units.evaluateAll((items) =>
      items.map((li) => ({
        text: li.textContent ?? '',
        unit: Number(li.getAttribute('data-unit')),
        change: Number(li.getAttribute('data-change')),
      })),
    );
    for (const { text, unit } of listed) expect(text).toMatch(new RegExp(`^Unit ${unit}\\d\\.\\d`));
    const changes = listed.map((l) => l.change);
    expect(changes).toEqual([...changes].sort((a, b) => b - a));
    expect(changes[0]).toBeGreaterThan(0);
    const numbers = listed.map((l) => l.unit);
    expect(numbers.every((n) => n >= 1 && n <= 32)).toBe(true);
    // The same units outlined on the tiles, which now show the weights after the step.
    await expect(page.getByTestId('unit-marks')).toHaveAttribute('data-units', numbers.join(' '));
    await expect(page.getByTestId('unit-tiles')).toHaveAttribute('data-step', String(expected));
  }
  await page.getByRole('button', { name: 'Step one batch' }).scrollIntoViewIfNeeded();

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `${SCREENSHOTS}/step-mode-${size.width}x${size.height}-${scheme}.png` });
      if (size.width >= 1280) {
        // The step's report sits beside the status: the charts and the pad stay in view.
        for (const id of ['loss-chart', 'accuracy-chart']) await expectInView(page, page.getByTestId(id));
        await expectInView(page, page.getByLabel('Digit drawing pad'));
      }
      // The tiles up close: the units the step moved most, outlined.
      await page.locator('.tiles').screenshot({
        path: `${SCREENSHOTS}/step-mode-tiles-${size.width}x${size.height}-${scheme}.png`,
      });
      await axeClean(page, `paused after a step at ${size.width}x${size.height}, ${scheme}`);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize(SIZES[0]);

  // Resume goes on from the next batch; the step's findings go with the pause.
  await page.getByRole('button', { name: 'Resume', exact: true }).click();
  await expect(page.getByTestId('step-panel')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Run finished' })).toBeVisible({ timeout: 180_000 });
  await expect(page.getByTestId('unit-marks')).toHaveCount(0);
  expect(errors).toEqual([]);
});
