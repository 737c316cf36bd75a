import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page, test } from '@playwright/test';
import {
  collectErrors,
  drawStroke,
  expectHeldAt,
  holdRunAt,
  openRunDetails,
  releaseRun,
  waitForReady,
} from './helpers';

// A screen that stays still (#29): the charts and the pad keep their places, to the pixel, between
// ready, training, paused, a "Step one batch", the run's Details opened, and finished, at 1280x800
// and 1280x720. The run status keeps its reserved height; what is longer opens over the page.

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1280, height: 720 },
];

const SHOTS = 'test-results/shots';

/** A "7": a bar across the top, then down to the bottom left. */
const SEVEN: [number, number][] = [
  [0.25, 0.2],
  [0.75, 0.2],
  [0.45, 0.85],
];

type Boxes = Record<string, string>;

/** Where the charts and the pad are, at each size, with the page not scrolled. */
async function boxes(page: Page, state: string): Promise<Boxes> {
  const found: Boxes = {};
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${SHOTS}/steady-${state}-${size.width}x${size.height}.png` });
    for (const [name, locator] of [
      ['loss chart', page.getByTestId('loss-chart')],
      ['accuracy chart', page.getByTestId('accuracy-chart')],
      ['pad', page.getByLabel('Digit drawing pad')],
    ] as const) {
      const box = await locator.boundingBox();
      found[`${name} at ${size.width}x${size.height}`] = box
        ? `x ${Math.round(box.x)} y ${Math.round(box.y)} w ${Math.round(box.width)} h ${Math.round(box.height)}`
        : 'none';
    }
  }
  await page.setViewportSize(SIZES[0]);
  return found;
}

async function expectInView(page: Page, locator: Locator, what: string): Promise<void> {
  const box = await locator.boundingBox();
  const view = page.viewportSize();
  const where = `${what}: ${JSON.stringify(box)} in ${JSON.stringify(view)}`;
  expect(box && view && box.y >= 0 && box.y + box.height <= view.height, where).toBe(true);
}

test('the charts and the pad hold still from ready through training, paused, a step and finished', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.setViewportSize(SIZES[0]);
  await page.goto('/?epochs=1&train=3000');
  await waitForReady(page);
  const ready = await boxes(page, 'ready');
  const expectStill = async (state: string) =>
    expect(await boxes(page, state.replaceAll(/[ ,]+/g, '-')), state).toEqual(ready);

  await holdRunAt(page, 6);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expectHeldAt(page, 6);
  // The first metrics are in: the live numbers have arrived.
  await expect(page.getByTestId('live-loss')).toHaveText(/\d/);
  await expectStill('training');

  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Paused' })).toBeVisible();
  await expectStill('paused');
  await page.getByRole('button', { name: 'Step one batch' }).click();
  await expect(page.getByTestId('step-units').getByRole('listitem').first()).toBeVisible();
  await expectStill('paused after a step');
  // Speed, adapter and the live learning rate open over the page, not in it.
  await openRunDetails(page);
  await expect(page.getByTestId('speed-line')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Change the learning rate now' })).toBeVisible();
  await expectStill('paused, Details open');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const { violations } = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    const found = violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(found, `axe with Details open, ${scheme}`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.getByTestId('run-details').locator(':scope > summary').click();

  await page.getByRole('button', { name: 'Resume', exact: true }).click();
  await expect(page.getByTestId('test-accuracy')).toBeVisible({ timeout: 180_000 });
  await expectStill('finished');

  // The reading's bars: their labels never touch, and certainty never reads "100%".
  await drawStroke(page, SEVEN);
  await expect(page.getByTestId('prediction')).toHaveText(/^\d$/);
  for (const size of SIZES) {
    await page.setViewportSize(size);
    const labels = await page
      .getByTestId('bar-value')
      .evaluateAll((spans) => spans.map((s) => s.getBoundingClientRect()).map((r) => [r.left, r.right]));
    expect(labels).toHaveLength(10);
    for (let i = 1; i < labels.length; i++)
      expect(labels[i][0] - labels[i - 1][1], `gap between bar labels ${i - 1} and ${i}`).toBeGreaterThan(1);
  }
  await expect(page.locator('.guess')).not.toContainText('100%');
  await page.locator('.bars').screenshot({ path: `${SHOTS}/steady-bars.png` });

  // "Why?" lands on the saliency view with its heading in view, and the way back returns to the pad.
  await page.setViewportSize(SIZES[1]);
  const why = page.getByRole('button', { name: 'Why?' });
  await why.click();
  await expect(page.getByRole('tab', { name: 'Saliency' })).toHaveAttribute('aria-selected', 'true');
  await expectInView(page, page.locator('#insight-title'), 'the insight heading after Why?');
  const toPad = page.getByRole('button', { name: '↑ Back to the pad' });
  await expectInView(page, toPad, 'the way back after Why?');
  await page.screenshot({ path: `${SHOTS}/steady-why.png` });
  await toPad.click();
  await expect(why).toBeFocused();
  await expectInView(page, page.getByLabel('Digit drawing pad'), 'the pad after the way back');

  // "Try it" in the mistakes gallery brings the pad into view, says so, and offers the way back.
  await page.getByRole('tab', { name: 'Confusion matrix' }).click();
  await page.getByRole('button', { name: /^Show all [\d,]+ mistakes/ }).click();
  const tryIt = page.getByRole('button', { name: /^Try it: test image \d+ on the pad$/ }).first();
  await tryIt.click();
  await expectInView(page, page.getByLabel('Digit drawing pad'), 'the pad after Try it');
  await expect(page.getByTestId('jump-back-pad')).toContainText(/Test image \d+ is on the pad/);
  await page.screenshot({ path: `${SHOTS}/steady-try-it.png` });
  await page.getByRole('button', { name: '↓ Back to the gallery' }).click();
  await expect(tryIt).toBeFocused();
  await expectInView(page, tryIt, 'Try it after the way back');
  await expect(page.getByTestId('jump-back-pad')).toBeEmpty();
  expect(errors).toEqual([]);
});

test('a preset’s named run holds the charts and the pad still, training and finished', async ({ page }) => {
  const errors = collectErrors(page);
  await page.setViewportSize(SIZES[0]);
  await page.goto('/?epochs=1&batch=100&train=200&hidden=16&seed=2');
  await waitForReady(page);
  const ready = await boxes(page, 'preset-ready');
  await holdRunAt(page, 1);
  await page.getByRole('button', { name: 'Compare optimizers' }).click();
  await expectHeldAt(page, 1);
  // The longest heading of the three: "Run 1 of 3: SGD, learning rate 0.01", with the time left beside it.
  await expect(page.getByRole('heading', { name: 'Run 1 of 3: SGD, learning rate 0.01' })).toBeVisible();
  await expect(page.locator('.progress-text')).toHaveText(/left$/);
  expect(await boxes(page, 'preset-training'), 'a preset run training').toEqual(ready);
  await releaseRun(page);
  await expect(page.getByRole('button', { name: 'Compare optimizers' })).toBeEnabled({ timeout: 180_000 });
  // The result names the preset's last run.
  await expect(page.getByTestId('run-status')).toContainText('Run 3 of 3: Adam');
  expect(await boxes(page, 'preset-finished'), 'the preset finished').toEqual(ready);
  expect(errors).toEqual([]);
});

test('a validated run’s notes go under the charts: the charts and the pad hold still at its end', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.setViewportSize(SIZES[0]);
  await page.goto('/?epochs=2&batch=100&train=300&hidden=16&seed=3&validation=200&patience=1');
  await waitForReady(page);
  const ready = await boxes(page, 'validated-ready');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Run finished' })).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId('validation-note')).toBeVisible();
  expect(await boxes(page, 'validated-finished'), 'a validated run finished').toEqual(ready);
  expect(errors).toEqual([]);
});
