import { expect, type Page, test } from '@playwright/test';
import {
  collectErrors,
  drawStroke,
  expectHeldAt,
  holdRunAt,
  releaseRun,
  SCREENSHOTS,
  screenshot,
  waitForReady,
} from './helpers';

// "Inside the network" live during a run with the default network (784 → 512 → 10), on 2,000
// training images for 2 epochs so that it takes about a minute on SwiftShader.

/** A "7": a bar across the top, then down to the bottom left. */
const SEVEN: [number, number][] = [
  [0.25, 0.2],
  [0.75, 0.2],
  [0.45, 0.85],
];

const CELL = /^True (\d), read as (\d): (\d+) images?$/;

/** Every matrix cell as [true, predicted, count]. */
async function cells(page: Page): Promise<[number, number, number][]> {
  const labels = await page
    .getByTestId('confusion-matrix')
    .getByRole('button')
    .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label') ?? ''));
  return labels.map((label) => {
    const m = CELL.exec(label);
    if (!m) throw new Error(`unexpected cell label ${label}`);
    return [Number(m[1]), Number(m[2]), Number(m[3])];
  });
}

async function galleryItems(page: Page) {
  return page.getByTestId('gallery-item').evaluateAll((items) =>
    items.map((i) => ({
      label: Number(i.getAttribute('data-label')),
      predicted: Number(i.getAttribute('data-predicted')),
      confidence: Number(i.getAttribute('data-confidence')),
    })),
  );
}

/** Pixels of the saliency overlay that are coloured (not grey): the gradient is drawn over the drawing. */
async function colouredPixels(page: Page): Promise<number> {
  return page.getByTestId('saliency-overlay').evaluate((canvas) => {
    const data = (canvas as HTMLCanvasElement).getContext('2d')?.getImageData(0, 0, 28, 28).data ?? [];
    let coloured = 0;
    for (let i = 0; i < data.length; i += 4)
      if (data[i] !== data[i + 1] || data[i] !== data[i + 2]) coloured++;
    return coloured;
  });
}

test('inside the network: matrix, galleries, unit tiles, saliency and opinion, live during a run', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.goto('/?epochs=2&train=2000');
  await waitForReady(page);

  const tab = (name: string) => page.getByRole('tab', { name, exact: true }).click();
  // Before training: the untrained network already explains its (meaningless) reading; "Why?" opens it.
  await drawStroke(page, SEVEN);
  await page.getByRole('button', { name: 'Why?' }).click();
  await expect(page.getByRole('tab', { name: 'Saliency' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('saliency')).toBeVisible();
  await expect.poll(() => colouredPixels(page)).toBeGreaterThan(20);
  await expect(
    page.getByRole('img', { name: /^Why it reads \d: Ink would count most for it in the / }),
  ).toBeVisible();
  // Any class can be explained, not only the one it reads.
  const reading = Number(await page.getByTestId('prediction').textContent());
  const other = (reading + 1) % 10;
  await page.getByLabel('Explain the score of').selectOption(String(other));
  await expect(page.getByTestId('saliency')).toHaveAttribute('data-digit', String(other));
  await page.getByLabel('Explain the score of').selectOption('reading');
  await expect(page.getByTestId('saliency')).toHaveAttribute('data-digit', String(reading));

  // Held at step 1, then at step 8 (16 batches an epoch): the tiles are seen with the starting
  // weights, then redrawn with newer ones (read after 5 batches), however fast the machine.
  await holdRunAt(page, 1);
  await page.getByRole('button', { name: 'Train' }).click();
  await expect(page).toHaveURL(/hidden=512/);
  await tab('Unit tiles');
  const tiles = page.getByTestId('unit-tiles');
  await expectHeldAt(page, 1);
  await expect(tiles).toHaveAttribute('data-step', '0');
  await holdRunAt(page, 8);
  await releaseRun(page);
  await expectHeldAt(page, 8);
  await expect(tiles).toHaveAttribute('data-step', '5');
  expect(
    await tiles.evaluate((c) => [(c as HTMLCanvasElement).width, (c as HTMLCanvasElement).height]),
  ).toEqual([32 * 29 - 1, 16 * 29 - 1]);
  // Keyboard and hover both name a unit and its range.
  await tiles.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('unit-info')).toHaveText(
    /^Unit 34 of 512: weights from −?\d\.\d{3} to −?\d\.\d{3}; changed by −?\d\.\d{3} to −?\d\.\d{3} since the start$/,
  );
  await expect(tiles).toHaveAttribute('aria-valuenow', '34');
  const box = await tiles.boundingBox();
  if (!box) throw new Error('no tiles');
  await page.mouse.move(box.x + box.width * (2.5 / 32), box.y + box.height * (1.5 / 16));
  await expect(page.getByTestId('unit-info')).toHaveText(/^Unit 35 of 512: /);

  // The opinion chart follows the drawing as the run goes: drawn again while the run is held at step
  // 8, it starts from there, and the finished run's opinion ends it.
  await page.getByRole('button', { name: 'Clear' }).click();
  await drawStroke(page, SEVEN);
  await tab('Opinion over the run');
  const opinion = page.getByTestId('opinion-chart');
  await expect(opinion).toContainText(/After 8 batches it reads \d/);
  await screenshot(page, 'insight-1-training');
  await releaseRun(page);

  // The confusion matrix after the first epoch: all 10,000 test images.
  const matrix = page.getByTestId('confusion-matrix');
  await expect(matrix).toHaveAttribute('data-total', '10000', { timeout: 180_000 });
  await expect(page.getByTestId('test-accuracy')).toBeVisible({ timeout: 180_000 });
  await expect(page.getByRole('heading', { name: 'Run finished' })).toBeVisible();
  // Its last point is the finished run's opinion: at the run's last batch.
  // (2 epochs of 16 batches: 2,000 images in batches of 128.)
  await expect(opinion).toContainText(/After 32 batches it reads \d/);
  await tab('Confusion matrix');
  await expect(page.getByRole('heading', { name: 'Confusion matrix' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Per-class accuracy' })).toBeVisible();
  await expect(matrix).toHaveAttribute('data-total', '10000');
  await expect(matrix).toContainText('after epoch 2');
  expect((await cells(page)).reduce((sum, [, , n]) => sum + n, 0)).toBe(10_000);
  // Its accuracy is the test accuracy the run reports, and each class's is its diagonal over its row.
  await expect(page.getByTestId('confusion-accuracy')).toHaveText(
    (await page.getByTestId('test-accuracy').textContent()) ?? 'missing',
  );
  const all = await cells(page);
  for (let t = 0; t < 10; t++) {
    const row = all.filter(([label]) => label === t);
    const right = row.find(([, p]) => p === t)?.[2] ?? 0;
    const total = row.reduce((sum, [, , n]) => sum + n, 0);
    await expect(page.getByTestId(`class-accuracy-${t}`)).toHaveText(
      `${((100 * right) / total).toFixed(1)}%`,
    );
  }
  expect(Number(await opinion.getAttribute('data-points'))).toBeGreaterThan(1);

  // The largest mistake's cell opens a gallery of exactly those images.
  const [label, predicted, count] = all.filter(([t, p]) => t !== p).sort((a, b) => b[2] - a[2])[0];
  await page
    .getByRole('button', {
      name: `True ${label}, read as ${predicted}: ${count} image${count === 1 ? '' : 's'}`,
    })
    .click();
  await expect(page.getByTestId('gallery')).toHaveAttribute('data-kind', 'cell');
  await expect(page.getByTestId('gallery-item')).toHaveCount(Math.min(count, 48));
  for (const item of await galleryItems(page))
    expect([item.label, item.predicted]).toEqual([label, predicted]);
  await expect(
    page
      .getByRole('img', {
        name: new RegExp(`^Test image \\d+: a ${label}, read as ${predicted} \\(\\d+%\\)$`),
      })
      .first(),
  ).toBeVisible();
  await page.getByTestId('confusion-matrix').scrollIntoViewIfNeeded();
  await screenshot(page, 'insight-2-cell-gallery');

  // Every mistake, one click away, most confident first.
  await page.getByRole('button', { name: /^Show all [\d,]+ mistakes, most confident first$/ }).click();
  await expect(page.getByTestId('gallery')).toHaveAttribute('data-kind', 'mistakes');
  const mistakes = await galleryItems(page);
  expect(mistakes.length).toBe(48);
  for (const [i, item] of mistakes.entries()) {
    expect(item.label).not.toBe(item.predicted);
    if (i > 0) expect(item.confidence).toBeLessThanOrEqual(mistakes[i - 1].confidence);
  }
  await screenshot(page, 'insight-3-mistakes');
  await page.getByTestId('gallery').screenshot({ path: `${SCREENSHOTS}/insight-4-gallery.png` });
  await tab('Unit tiles');
  await expect(tiles).toHaveAttribute('data-mode', 'learned');
  await tiles.screenshot({ path: `${SCREENSHOTS}/insight-5-tiles-learned.png` });
  const draws = Number(await tiles.getAttribute('data-draws'));
  await page.getByLabel('The weights themselves').check();
  await expect(tiles).toHaveAttribute('data-mode', 'weights');
  await expect.poll(async () => Number(await tiles.getAttribute('data-draws'))).toBeGreaterThan(draws);
  await tiles.screenshot({ path: `${SCREENSHOTS}/insight-5-tiles-weights.png` });
  await tab('Saliency');
  await page.getByTestId('saliency').screenshot({ path: `${SCREENSHOTS}/insight-6-saliency.png` });
  await tab('Opinion over the run');
  await opinion.screenshot({ path: `${SCREENSHOTS}/insight-7-opinion.png` });

  // A test image goes to the pad, and the network reads it at once.
  await tab('Confusion matrix');
  const first = (await galleryItems(page))[0];
  await page
    .getByRole('button', { name: /^Try it: test image \d+ on the pad$/ })
    .first()
    .click();
  await expect(page.getByTestId('prediction')).toHaveText(String(first.predicted));
  expect(errors).toEqual([]);
});
