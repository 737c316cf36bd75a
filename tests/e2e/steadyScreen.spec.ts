import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { collectErrors, expectHeldAt, holdRunAt, openRunDetails, waitForReady } from './helpers';

// A screen that stays still (#29): the charts and the pad keep their places, to the pixel, between
// ready, training, paused, a "Step one batch", the run's Details opened, and finished, at 1280x800
// and 1280x720. The run status keeps its reserved height; what is longer opens over the page.

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1280, height: 720 },
];

const SHOTS = 'test-results/shots';

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
  expect(errors).toEqual([]);
});
