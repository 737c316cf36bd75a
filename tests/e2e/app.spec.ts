import { expect, test } from '@playwright/test';
import {
  collectErrors,
  curveLength,
  drawStroke,
  expectHeldAt,
  holdRunAt,
  releaseRun,
  screenshot,
  waitForReady,
} from './helpers';

/** A vertical stroke down the middle of the pad: a "1". */
const ONE: [number, number][] = [
  [0.5, 0.15],
  [0.5, 0.5],
  [0.5, 0.85],
];

test('loads: the adapter, the download progress, then sample images, without console errors', async ({
  page,
  context,
}) => {
  const errors = collectErrors(page);
  // The largest file is held back until the download progress has been seen (a local server is fast).
  let release = () => {};
  const seen = new Promise<void>((resolve) => {
    release = resolve;
  });
  await context.route('**/mnist/train-images-idx3-ubyte.gz', async (route) => {
    await seen;
    await route.continue();
  });
  await page.goto('/');
  await expect(page).toHaveTitle('Digits on WebGPU');
  const download = page.getByRole('progressbar', { name: 'MNIST download' });
  await expect(download).toBeVisible();
  await expect(download).toHaveAttribute('aria-valuemax', /^[1-9]\d*$/);
  await expect(page.getByText(/Downloading MNIST: [\d.]+ of [\d.]+ MB|Downloaded\./)).toBeVisible();
  await screenshot(page, '01-loading');
  release();

  await waitForReady(page);
  await expect(page.getByText('WebGPU adapter:')).not.toContainText(/looking|none/);
  await expect(page.getByText('WebGPU adapter:')).toContainText(/\w/);
  await expect(download).toHaveCount(0);
  // The data browser's first page.
  await expect(page.getByRole('img', { name: /^Training image \d+, labelled \d$/ })).toHaveCount(24);
  await screenshot(page, '02-ready');
  expect(errors).toEqual([]);
});

test('a short run from a link: progress moves, charts grow, test accuracy is reported', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/?epochs=2&batch=128&train=4000&hidden=64');
  await waitForReady(page);
  await expect(page.getByLabel('Hidden units')).toHaveValue('64');
  // Held at step 10, then at 20, of its 64: the progress and the curve are seen moving mid-run.
  await holdRunAt(page, 10);
  await page.getByRole('button', { name: 'Train' }).click();
  // The address bar now describes the run, so copying it shares the run.
  await expect(page).toHaveURL(/\?epochs=2&batch=128&lr=0\.001&hidden=64&seed=1&train=4000$/);

  await expectHeldAt(page, 10);
  await expect(page.getByText(/^Epoch 1 of 2 · batch 10 of 32 · [\d,]+ images\/s · /)).toBeVisible();
  await screenshot(page, '03-training');
  await expect.poll(() => curveLength(page, 'loss-chart')).toBeGreaterThan(0);
  const first = await curveLength(page, 'loss-chart');
  await holdRunAt(page, 20);
  await releaseRun(page);
  await expectHeldAt(page, 20);
  await expect.poll(() => curveLength(page, 'loss-chart')).toBeGreaterThan(first);
  await releaseRun(page);

  const accuracy = page.getByTestId('test-accuracy');
  await expect(accuracy).toBeVisible({ timeout: 180_000 });
  await expect(accuracy).toHaveText(/^\d{1,3}\.\d%$/);
  expect(Number.parseFloat((await accuracy.textContent()) ?? '')).toBeGreaterThan(50);
  await expect(page.getByRole('heading', { name: 'Run finished' })).toBeVisible();
  await expect(page.getByText(/Took \d+/)).toBeVisible();
  // Two epochs: two test points on each chart, drawn as dots.
  await expect(page.getByTestId('accuracy-chart').locator('.recharts-line-dot')).toHaveCount(2);
  expect(await curveLength(page, 'accuracy-chart')).toBeGreaterThan(0);
  await expect(page.getByRole('button', { name: 'Train again' })).toBeEnabled();

  await drawStroke(page, ONE);
  await expect(page.getByTestId('prediction')).toHaveText(/^\d$/);
  await expect(page.getByText(/Untrained model/)).toHaveCount(0);
  await screenshot(page, '04-finished-with-prediction');
  expect(errors).toEqual([]);
});

test('drawing gets a prediction; Clear (button or Delete key) empties it', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/');
  await waitForReady(page);
  await expect(page.getByText('Draw a digit', { exact: true })).toBeVisible();
  await drawStroke(page, ONE);
  await expect(page.getByTestId('prediction')).toHaveText(/^\d$/);
  await expect(
    page.getByText('Untrained model (random weights): its guesses mean nothing yet'),
  ).toBeVisible();
  await expect(page.getByRole('img', { name: 'The drawing as the network sees it' })).toBeVisible();
  await expect(
    page.getByRole('list', { name: 'Probability of each digit' }).getByRole('listitem'),
  ).toHaveCount(10);
  await expect(page.getByTestId('reading-announcement')).toHaveText(
    /^The network reads an? \d \((\d+(\.\d)?%|> 99\.9%) sure\)$/,
  );
  await screenshot(page, '05-drawn-untrained');

  await page.getByRole('button', { name: 'Clear' }).click();
  await expect(page.getByTestId('prediction')).toHaveCount(0);
  await expect(page.getByText('Draw a digit', { exact: true })).toBeVisible();
  await expect(page.getByTestId('reading-announcement')).toHaveText('');

  await drawStroke(page, ONE);
  await expect(page.getByTestId('prediction')).toHaveText(/^\d$/);
  await page.getByLabel('Digit drawing pad').focus();
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('prediction')).toHaveCount(0);

  // One column on a phone-sized screen.
  await page.setViewportSize({ width: 390, height: 844 });
  await drawStroke(page, ONE);
  await expect(page.getByTestId('prediction')).toHaveText(/^\d$/);
  await screenshot(page, '06-narrow-screen');
  expect(errors).toEqual([]);
});

test('pause and resume, stop mid-run, then train again without reloading', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/?epochs=3&hidden=128');
  await waitForReady(page);
  const button = (name: string) => page.getByRole('button', { name, exact: true });
  const progress = page.getByRole('progressbar', { name: 'Training progress' });
  const step = async () => Number(await progress.getAttribute('aria-valuenow'));

  // Every action below finds the run going on: it stalls at these steps until acted on.
  await holdRunAt(page, 10);
  await button('Train').click();
  await expectHeldAt(page, 10);
  await expect(button('Train')).toBeDisabled();
  await button('Pause').click();
  await expect(page.getByRole('heading', { name: 'Paused' })).toBeVisible();
  await expect(button('Resume')).toBeEnabled();
  await expect(button('Pause')).toBeDisabled();
  const pausedAt = await step();
  await page.waitForTimeout(2000);
  expect(await step()).toBe(pausedAt);
  await screenshot(page, '07-paused');

  await holdRunAt(page, 30);
  await button('Resume').click();
  await expect(page.getByRole('heading', { name: 'Training', exact: true })).toBeVisible();
  await expectHeldAt(page, 30);
  expect(pausedAt).toBe(10);
  await button('Stop').click();
  await expect(page.getByRole('heading', { name: 'Run stopped early' })).toBeVisible();
  await expect(page.getByText(/stopped early\./)).toBeVisible();
  await expect(page.getByTestId('test-accuracy')).toHaveText(/^\d{1,3}\.\d%$/);
  await expect(button('Train again')).toBeEnabled();
  await expect(button('Stop')).toBeDisabled();
  await screenshot(page, '08-stopped');

  await holdRunAt(page, 5);
  await button('Train again').click();
  await expect(page.getByRole('heading', { name: 'Training', exact: true })).toBeVisible();
  await expectHeldAt(page, 5);
  await button('Stop').click();
  await expect(button('Train again')).toBeEnabled();
  expect(errors).toEqual([]);
});
