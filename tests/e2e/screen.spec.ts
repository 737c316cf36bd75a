import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { collectErrors, expectHeldAt, holdRunAt, waitForReady } from './helpers';

// The one screen (issue 13): at laptop sizes the controls, a chart and the pad are all in view
// without scrolling; the pad holds still under a stroke; nothing is wider than the screen; and axe
// finds no WCAG 2.1 A/AA violation, in light and dark. One short run serves every size and scheme.

const SHOTS = 'test-results/shots';
const DESKTOP = [
  { width: 1280, height: 800 },
  { width: 1440, height: 900 },
];
const NARROW = [
  { width: 390, height: 844 },
  { width: 820, height: 1180 },
];
const SCHEMES = ['light', 'dark'] as const;

/** A "7": a bar across the top, then down to the bottom left. */
const SEVEN: [number, number][] = [
  [0.25, 0.2],
  [0.75, 0.2],
  [0.45, 0.85],
];

async function inViewport(page: Page, locator: Locator, what: string): Promise<void> {
  const box = await locator.boundingBox();
  const size = page.viewportSize();
  expect(box, `${what} has a box`).not.toBeNull();
  if (!box || !size) return;
  const where = `${what} at ${JSON.stringify(box)} in ${size.width}x${size.height}`;
  expect(box.x, where).toBeGreaterThanOrEqual(0);
  expect(box.y, where).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, where).toBeLessThanOrEqual(size.width);
  expect(box.y + box.height, where).toBeLessThanOrEqual(size.height);
}

/** Elements whose right edge passes the screen's, and the page's own scroll width. */
async function overflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide: string[] = [];
    // The symptom a user meets: the page scrolls sideways.
    const y = window.scrollY;
    window.scrollTo(10_000, y);
    if (window.scrollX > 0) {
      wide.push(`page scrolls sideways by ${window.scrollX}`);
      const all = Array.from(
        document.querySelectorAll('body *'),
        (e) => [e, e.getBoundingClientRect().right] as const,
      )
        .filter(([, r]) => r > width)
        .sort((p, q) => q[1] - p[1])
        .slice(0, 6);
      for (const [e, r] of all)
        wide.push(`(${e.tagName}.${e.className} ${r} in ${e.parentElement?.className})`);
    }
    window.scrollTo(0, y);
    for (const element of document.querySelectorAll('body *')) {
      const box = element.getBoundingClientRect();
      if (box.right <= width + 0.5 || getComputedStyle(element).display === 'none') continue;
      // Inside a region that scrolls sideways on its own, it is meant to be wider.
      let clipped = false;
      for (let e = element.parentElement; e && !clipped; e = e.parentElement)
        clipped = ['auto', 'scroll', 'hidden'].includes(getComputedStyle(e).overflowX);
      if (!clipped)
        wide.push(`${element.tagName.toLowerCase()}.${element.className} ${Math.round(box.right)}`);
    }
    return wide;
  });
}

async function axe(page: Page, state: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const found = violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(found, `axe in ${state}`).toEqual([]);
}

/** At every size and scheme: a screenshot, no overflow, and axe. */
async function everySizeAndScheme(
  page: Page,
  state: string,
  sizes: { width: number; height: number }[],
  schemes: readonly ('light' | 'dark')[] = SCHEMES,
) {
  for (const scheme of schemes) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const size of sizes) {
      await page.setViewportSize(size);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `${SHOTS}/${state}-${size.width}x${size.height}-${scheme}.png` });
      expect(await overflow(page), `${state} at ${size.width}, ${scheme}`).toEqual([]);
      await axe(page, `${state} at ${size.width}x${size.height}, ${scheme}`);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Draws `points` on the pad with the page scrolled by `scroll`, checking the pad's box at each step. */
async function strokeHoldsStill(page: Page, scroll: number, points: [number, number][]): Promise<void> {
  const pad = page.getByLabel('Digit drawing pad');
  await page.evaluate((y) => window.scrollTo(0, y), scroll);
  const box = async () => pad.evaluate((e) => JSON.stringify(e.getBoundingClientRect()));
  const before = await box();
  const rect = JSON.parse(before) as { x: number; y: number; width: number; height: number };
  const at = ([x, y]: [number, number]) => [rect.x + x * rect.width, rect.y + y * rect.height] as const;
  await page.mouse.move(...at(points[0]));
  await page.mouse.down();
  await page.mouse.move(...at(points[1]), { steps: 6 });
  // The first guess arrives mid-stroke: the moment the pad used to jump.
  await expect(page.getByTestId('prediction')).toHaveText(/^\d$/);
  expect(await box()).toBe(before);
  for (const point of points.slice(2)) {
    await page.mouse.move(...at(point), { steps: 6 });
    expect(await box()).toBe(before);
  }
  await page.mouse.up();
  expect(await box()).toBe(before);
}

/** At both desktop sizes, with the page not scrolled, every one of `parts` lies inside the screen. */
async function allInView(page: Page, state: string, parts: (readonly [string, Locator])[]): Promise<void> {
  for (const size of DESKTOP) {
    await page.setViewportSize(size);
    await page.evaluate(() => window.scrollTo(0, 0));
    for (const [name, locator] of parts)
      await inViewport(page, locator, `${state}: ${name} at ${size.width}x${size.height}`);
  }
}

test('one screen: controls, charts and pad in view while training; still pad; no overflow; axe clean', async ({
  page,
}) => {
  // A run held at a point, checked at two desktop sizes: 1 min alone, 2.3 beside three other jobs.
  test.setTimeout(480_000);
  const errors = collectErrors(page);
  await page.setViewportSize(DESKTOP[0]);
  await page.goto('/?epochs=1&train=3000');
  await waitForReady(page);
  await everySizeAndScheme(page, 'ready', [...DESKTOP, ...NARROW]);
  const train = page.getByRole('button', { name: 'Train', exact: true });
  const charts = [
    ['loss chart', page.getByTestId('loss-chart')],
    ['accuracy chart', page.getByTestId('accuracy-chart')],
  ] as const;
  const pad = ['pad', page.getByLabel('Digit drawing pad')] as const;

  // A ConvNet's network picture is four times as tall: the charts stay in view above it.
  await page.getByRole('radio', { name: /ConvNet/ }).check();
  await expect(page.getByTestId('network-picture')).toContainText('Conv2D');
  await allInView(page, 'ConvNet, ready', [['Train', train], ...charts, pad]);
  await page.getByRole('radio', { name: /Dense network/ }).check();

  await page.setViewportSize(DESKTOP[0]);
  // The 24-step run stalls at step 6 until paused, however fast the machine (it once ended first).
  await holdRunAt(page, 6);
  await train.click();
  const pause = page.getByRole('button', { name: 'Pause', exact: true });
  // Focus follows the control that now makes sense, not the page body.
  await expect(pause).toBeFocused();
  const progress = page.getByRole('progressbar', { name: 'Training progress' });
  await expectHeldAt(page, 6);
  await pause.click();
  await expect(page.getByRole('button', { name: 'Resume', exact: true })).toBeFocused();
  for (const size of DESKTOP) {
    await page.setViewportSize(size);
    await page.evaluate(() => window.scrollTo(0, 0));
    for (const [name, locator] of [
      ['Train', train],
      ['Stop', page.getByRole('button', { name: 'Stop', exact: true })],
      ['progress', progress],
      ['progress line', page.getByText(/^Epoch 1 of 1 · batch \d+ of \d+ · /)],
      ['loss chart', page.getByTestId('loss-chart')],
      ['accuracy chart', page.getByTestId('accuracy-chart')],
      ['pad', page.getByLabel('Digit drawing pad')],
      ['epochs', page.getByLabel('Epochs', { exact: true })],
      ['learning rate', page.getByLabel('Learning rate', { exact: true })],
      ['hidden units', page.getByLabel('Hidden units', { exact: true })],
    ] as const)
      await inViewport(page, locator, `${name} at ${size.width}x${size.height}`);
  }
  await everySizeAndScheme(page, 'training', [...DESKTOP, NARROW[0]]);

  await page.setViewportSize(DESKTOP[0]);
  await page.getByRole('button', { name: 'Resume', exact: true }).click();
  await expect(page.getByTestId('test-accuracy')).toBeVisible({ timeout: 180_000 });
  await expect(page.getByRole('button', { name: 'Train again' })).toBeEnabled();

  // The pad holds still under a stroke on a scrolled page, while the first guess arrives.
  await strokeHoldsStill(page, 300, SEVEN);
  await expect(page.getByTestId('network-picture')).toHaveAttribute('data-lit', 'true');
  // After the run, not scrolled: the controls, the result, the whole charts, the pad and its reading.
  await allInView(page, 'finished', [
    ['Train again', page.getByRole('button', { name: 'Train again' })],
    ['Stop', page.getByRole('button', { name: 'Stop', exact: true })],
    ['result', page.getByTestId('test-accuracy')],
    ...charts,
    pad,
    ['prediction', page.getByTestId('prediction')],
    ['probabilities', page.getByRole('list', { name: 'Probability of each digit' })],
  ]);
  // The five run buttons keep to one row at desktop sizes, with "Train again" the widest label.
  for (const size of DESKTOP) {
    await page.setViewportSize(size);
    const tops = await page
      .locator('.run-panel .controls button')
      .evaluateAll((buttons) => buttons.map((b) => Math.round(b.getBoundingClientRect().top)));
    expect(tops.length).toBe(5);
    expect(new Set(tops).size, `run buttons' tops at ${size.width}x${size.height}: ${tops}`).toBe(1);
  }

  // After the run: the gallery of the largest mistake open, then every size and scheme.
  await page.getByRole('tab', { name: 'Confusion matrix' }).click();
  await page.getByRole('button', { name: /^Show all [\d,]+ mistakes/ }).click();
  await expect(page.getByTestId('gallery-item').first()).toBeVisible();
  // NOTE: this once found the page 130 px wide at 390: the matrix's visually hidden labels (position:
  // absolute) sat outside its scrolling frame until the frame became their containing block.
  await everySizeAndScheme(page, 'finished', [...DESKTOP, ...NARROW]);
  await page.setViewportSize(DESKTOP[0]);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SHOTS}/main-1280x800.png` });
  expect(errors).toEqual([]);
});
