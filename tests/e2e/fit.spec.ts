import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { misfits, smallTargets } from './fit';
import { collectErrors, expectHeldAt, holdRunAt, releaseRun, waitForReady } from './helpers';

// Fit and finish (issue 29): in every state of a short run, at laptop and phone sizes, light and
// dark, nothing passes the edges of its card, no chart label is cut by its chart, every control is
// at least a 24 px target (WCAG 2.2), and axe (WCAG 2.2 A/AA) finds nothing.

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
];
const SCHEMES = ['light', 'dark'] as const;
/** Every misfit of every state is reported, not only the first. */
const softly = expect.configure({ soft: true });

/** At every size and scheme: the whole page's cards fit, the controls are large enough, axe is clean. */
async function fitsEverywhere(page: Page, state: string): Promise<void> {
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const size of SIZES) {
      await page.setViewportSize(size);
      const where = `${state} at ${size.width}x${size.height}, ${scheme}`;
      // Charts and the matrix's frame follow the new size a frame or two later: wait for the state.
      await softly.poll(() => page.evaluate(misfits), { message: where, timeout: 10_000 }).toEqual([]);
      softly(await page.evaluate(smallTargets), `small targets: ${where}`).toEqual([]);
      // axe at two of the six (it takes seconds here; screen.spec.ts runs it at the others).
      if ((size.width === 1280 && scheme === 'light') || (size.width === 390 && scheme === 'dark')) {
        const { violations } = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
          .analyze();
        const found = violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        softly(found, `axe: ${where}`).toEqual([]);
      }
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize(SIZES[0]);
}

test('fit: every card holds its content, no chart label is cut, every control a 24 px target', async ({
  page,
}) => {
  test.setTimeout(360_000);
  const errors = collectErrors(page);
  await page.goto('/?epochs=1&train=1000&batch=100&hidden=32&seed=3');
  await waitForReady(page);
  await fitsEverywhere(page, 'ready');

  // The ConvNet's layer editor lives in the narrow settings card.
  await page.getByRole('radio', { name: /ConvNet/ }).check();
  await expect(page.getByRole('group', { name: 'Layers' })).toBeVisible();
  await fitsEverywhere(page, 'ConvNet picked');
  await page.getByRole('radio', { name: /Dense network/ }).check();

  // The rate finder's chart, with its axis title and the suggested rate marked on the curve.
  await page.getByRole('button', { name: 'Find a learning rate' }).click();
  await expect(page.getByText(/^Suggested learning rate: /)).toBeVisible({ timeout: 180_000 });
  await expect(page.getByTestId('rate-finder-chart').locator('.recharts-reference-dot')).toHaveCount(1);

  // Training, held by state so that it is still going whatever the machine's speed.
  await holdRunAt(page, 3);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expectHeldAt(page, 3);
  await fitsEverywhere(page, 'training');
  // On a phone the charts are under the run's status: one tap away while it trains.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.evaluate(() => window.scrollTo(0, 0));
  // #29: both live curves in view without scrolling (side by side while it trains), the pad one tap away.
  await expect(page.getByTestId('loss-chart')).toBeInViewport({ ratio: 1 });
  await expect(page.getByTestId('accuracy-chart')).toBeInViewport({ ratio: 1 });
  await page.getByRole('link', { name: 'Draw', exact: true }).click();
  await expect(page.getByLabel('Digit drawing pad')).toBeInViewport({ ratio: 1 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.getByRole('link', { name: 'Charts', exact: true }).click();
  // NOTE: 0.99, not 1: at 390x844 the figure is within a pixel of the screen's height, and the
  // guide's and status's heights move it by that much; a chart cut by more than 8 px still fails.
  await expect(page.getByTestId('loss-chart')).toBeInViewport({ ratio: 0.99 });
  await page.setViewportSize(SIZES[0]);
  await releaseRun(page);

  await expect(page.getByTestId('test-accuracy')).toBeVisible({ timeout: 180_000 });
  await page.getByRole('button', { name: /^Show all [\d,]+ mistakes/ }).click();
  await expect(page.getByTestId('gallery-item').first()).toBeVisible();
  await fitsEverywhere(page, 'finished');
  // The gallery shows all its images: no box cuts its last row.
  const list = page.getByRole('list', { name: 'Test images' });
  expect(await list.evaluate((e) => e.scrollHeight - e.clientHeight)).toBeLessThanOrEqual(1);

  // On a phone the matrix scrolls sideways: its caption fits the frame, a line says there is more,
  // and the keyboard scrolls it.
  await page.setViewportSize({ width: 390, height: 844 });
  const frame = page.getByRole('region', { name: 'Confusion matrix, scrolls sideways' });
  await expect
    .poll(() =>
      frame.evaluate((e) => {
        const caption = e.querySelector('caption')?.getBoundingClientRect();
        const box = e.getBoundingClientRect();
        return caption !== undefined && caption.right <= box.left + e.clientWidth + 1;
      }),
    )
    .toBe(true);
  const cue = page.getByTestId('matrix-scroll-cue');
  await expect(cue).toContainText('More columns to the right');
  await frame.focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => frame.evaluate((e) => e.scrollLeft)).toBeGreaterThan(0);
  await frame.evaluate((e) => e.scrollTo({ left: e.scrollWidth, behavior: 'instant' }));
  await expect(cue).toContainText('More columns to the left');
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(cue).toHaveCount(0);

  // After a Dense run, picking the ConvNet shows the ConvNet at once, marked as not trained yet.
  await page.getByRole('radio', { name: /ConvNet/ }).check();
  const picture = page.getByTestId('network-picture');
  await expect(picture).toContainText('Conv2D(32, 3x3, relu)');
  await expect(picture).toContainText('The network Train will build');
  await page.getByRole('radio', { name: /Dense network/ }).check();
  await expect(picture).not.toContainText('Conv2D');
  expect(errors).toEqual([]);
});
