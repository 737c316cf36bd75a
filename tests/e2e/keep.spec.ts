import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import {
  collectErrors,
  drawStroke,
  expectHeldAt,
  holdRunAt,
  type Saved,
  savedRuns,
  screenshot,
  waitForReady,
} from './helpers';

/** A vertical stroke down the middle of the pad: a "1". */
const ONE: [number, number][] = [
  [0.5, 0.15],
  [0.5, 0.5],
  [0.5, 0.85],
];

const rows = (page: Page) => page.getByRole('list', { name: 'Saved runs' }).getByRole('listitem');
const button = (page: Page, name: string | RegExp) => page.getByRole('button', { name, exact: true });

const LINK = '/?epochs=2&batch=100&train=8000&hidden=32&seed=3';

test('a run interrupted by a reload after epoch 1 resumes and ends where an uninterrupted run ends; open, rename, delete', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.goto(LINK);
  await waitForReady(page);
  await expect(page.getByText('No saved runs yet')).toBeVisible();
  // Autosave at the end of epoch 1; then the page goes away mid-epoch 2 (the run held at step 120).
  await holdRunAt(page, 120);
  await button(page, 'Train').click();
  await expect(rows(page).first()).toContainText('Epoch 1 of 2', { timeout: 120_000 });
  await expectHeldAt(page, 120);
  await button(page, 'Pause').click();
  await expect(
    page.getByText(/^Saved "Hidden 32, RMSprop, lr [\d.]+, 2 epochs, seed 3 .*" after epoch 1\.$/),
  ).toBeVisible();
  await screenshot(page, 'keep-01-autosaved');
  await page.reload();

  await waitForReady(page);
  await expect(rows(page)).toHaveCount(1);
  const row = rows(page).first();
  await expect(row).toContainText(/Epoch 1 of 2 · test \d+\.\d% · /);
  await screenshot(page, 'keep-02-after-reload');
  await row.getByRole('button', { name: /^Resume / }).click();
  // The charts come back with the saved epoch, then the run trains epoch 2 only.
  await expect(page.getByText(/Epoch 2 of 2/).first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Run finished' })).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId('accuracy-chart').locator('.recharts-line-dot')).toHaveCount(2);
  await expect(row).toContainText('Epoch 2 of 2');
  const [resumed] = await savedRuns(page);
  expect(resumed.epoch).toBe(2);

  // The same link, uninterrupted, in the same browser.
  await button(page, 'Train again').click();
  await expect(rows(page)).toHaveCount(2, { timeout: 120_000 });
  await expect(rows(page).first()).toContainText('Epoch 2 of 2', { timeout: 120_000 });
  const runs = await savedRuns(page);
  const uninterrupted = runs.find((r) => r.id !== resumed.id) as Saved;
  expect(uninterrupted.epoch).toBe(2);
  // NOTE: two page loads may tune the matmul to different variants, which round differently:
  // equal to float tolerance, not bit for bit (tests/gpu/savedRun.gpu.test.ts checks bits).
  expect(Math.abs((uninterrupted.testAccuracy ?? 0) - (resumed.testAccuracy ?? 1))).toBeLessThan(1e-3);
  for (const [p, weights] of uninterrupted.weights.entries()) {
    const worst = Math.max(...weights.map((w, i) => Math.abs(w - resumed.weights[p][i])));
    expect(worst, `parameter ${p}`).toBeLessThan(1e-4);
  }
  await screenshot(page, 'keep-03-resumed-and-uninterrupted');

  // Open the resumed run: its charts, its settings in the form and its weights on the pad.
  await page.getByLabel('Hidden units', { exact: true }).fill('64');
  await page.getByLabel('Epochs', { exact: true }).fill('7');
  await page.getByText('More settings: optimizer, batch size, seed, training images').click();
  await page.getByLabel('Seed', { exact: true }).fill('9');
  const resumedRow = page.locator(`li[data-run-id="${resumed.id}"]`);
  await resumedRow.getByRole('button', { name: /^Open / }).click();
  await expect(page.getByTestId('shown-model')).toContainText('as saved after epoch 2');
  for (const [label, value] of [
    ['Hidden units', '32'],
    ['Epochs', '2'],
    ['Seed', '3'],
    ['Batch size', '100'],
    ['Training images', '8000'],
    ['Learning rate', '0.001'],
  ])
    await expect(page.getByLabel(label, { exact: true })).toHaveValue(value);
  await expect(page.getByRole('radio', { name: /Dense network/ })).toBeChecked();
  await expect(page.getByRole('heading', { name: 'Saved run', exact: true })).toBeVisible();
  const dots = page.getByTestId('accuracy-chart').locator('.recharts-line-dot');
  await expect(dots).toHaveCount(2);
  // The axis spans the saved run: its two test points sit at the ends of epochs 1 and 2.
  const xs = await dots.evaluateAll((elements) => elements.map((e) => Number(e.getAttribute('cx'))));
  expect(xs[1]).toBeGreaterThan(xs[0] + 50);
  await drawStroke(page, ONE);
  await expect(page.getByTestId('prediction')).toHaveText(/^\d$/);
  await expect(page.getByText(/Untrained model/)).toHaveCount(0);

  // Rename, then delete (asked first); both survive a reload.
  await resumedRow.getByRole('button', { name: /^Rename / }).click();
  await resumedRow.getByRole('textbox').fill('Resumed after a reload');
  await resumedRow.getByRole('button', { name: 'Save name' }).click();
  await expect(resumedRow).toContainText('Resumed after a reload');
  const otherRow = page.locator(`li[data-run-id="${uninterrupted.id}"]`);
  await otherRow.getByRole('button', { name: /^Delete / }).click();
  await screenshot(page, 'keep-04-delete-asks');
  await otherRow.getByRole('button', { name: /^Really delete / }).click();
  await expect(rows(page)).toHaveCount(1);
  await page.reload();
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText('Resumed after a reload');
  expect(errors).toEqual([]);
});

test('a full storage is shown, with what was not saved; export and import in TF.js format', async ({
  page,
  context,
}) => {
  const errors = collectErrors(page);
  await page.goto('/?epochs=1&batch=100&train=1000&hidden=16&seed=2');
  // A real quota: Chromium's own limit for this origin, set to a few bytes through DevTools.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(page.url()).origin, quotaSize: 1000 });
  await waitForReady(page);
  await button(page, 'Train').click();
  await expect(page.getByRole('heading', { name: 'Run finished' })).toBeVisible({ timeout: 120_000 });
  const alert = page.getByRole('alert').filter({ hasText: 'was not saved' });
  await expect(alert).toContainText(
    /^"Hidden 16, RMSprop, lr [\d.]+, 1 epoch, seed 2 .*" after epoch 1 was not saved: /,
  );
  await expect(alert).toContainText('QuotaExceededError');
  await expect(page.getByText('No saved runs yet')).toBeVisible();
  await screenshot(page, 'keep-05-quota');

  // Export: model.json and its weights file.
  await drawStroke(page, ONE);
  const prediction = page.getByTestId('prediction');
  await expect(prediction).toHaveText(/^\d$/);
  const before = await prediction.textContent();
  const downloads: { name: string; path: string }[] = [];
  page.on('download', async (download) =>
    downloads.push({ name: download.suggestedFilename(), path: await download.path() }),
  );
  await button(page, 'Download model (TF.js)').click();
  await expect.poll(() => downloads.length).toBe(2);
  expect(downloads.map((d) => d.name).sort()).toEqual(['model.json', 'model.weights.bin']);

  // A refused file leaves the model as it was, and says why.
  const input = page.getByLabel('Import a TensorFlow.js model: model.json and its weights file');
  await input.setInputFiles({
    name: 'model.json',
    mimeType: 'application/json',
    buffer: Buffer.from(
      JSON.stringify({
        format: 'layers-model',
        modelTopology: {
          class_name: 'Sequential',
          config: {
            layers: [{ class_name: 'Conv2D', config: { name: 'conv2d', batch_input_shape: [null, 784] } }],
          },
        },
        weightsManifest: [{ paths: [], weights: [] }],
      }),
    ),
  });
  await expect(page.getByRole('alert').filter({ hasText: 'Not imported' })).toHaveText(
    'Not imported: Layer conv2d is a Conv2D; only Dense layers are supported (and BatchNormalization, Dropout, Flatten, InputLayer).',
  );
  await screenshot(page, 'keep-06-import-refused');

  // What was exported imports back and reads the drawing the same way.
  await page.getByRole('button', { name: 'Clear' }).click();
  await input.setInputFiles(
    downloads.map((d) => ({
      name: d.name,
      mimeType: 'application/octet-stream',
      buffer: readFileSync(d.path),
    })),
  );
  await expect(page.getByTestId('shown-model')).toContainText('The pad now uses model.json (784 → 16 → 10)');
  await drawStroke(page, ONE);
  await expect(prediction).toHaveText(before ?? '');
  await screenshot(page, 'keep-07-imported');
  expect(errors).toEqual([]);
});

test('Copy link: the clipboard holds the link, and two runs from it draw the same curves', async ({
  page,
  context,
}) => {
  const errors = collectErrors(page);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/?epochs=1&batch=50&train=1000&hidden=16&seed=9&lr=0.002');
  await waitForReady(page);
  await button(page, 'Copy link').click();
  await expect(page.getByText('Link copied')).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(new URL(link).search).toBe('?epochs=1&batch=50&lr=0.002&hidden=16&seed=9&train=1000');

  const curvesOf = async () => {
    await page.goto(link);
    await waitForReady(page);
    await button(page, 'Train').click();
    await expect(page.getByRole('heading', { name: 'Run finished' })).toBeVisible({ timeout: 120_000 });
    const paths = await page
      // The loss and accuracy charts (the opinion chart follows the drawing, not the run).
      .locator(':is([data-testid="loss-chart"], [data-testid="accuracy-chart"]) path.recharts-line-curve')
      .evaluateAll((elements) => elements.map((e) => e.getAttribute('d') ?? ''));
    const accuracy = await page.getByTestId('test-accuracy').textContent();
    return { paths, accuracy };
  };
  const first = await curvesOf();
  await screenshot(page, 'keep-08-run-from-link');
  const second = await curvesOf();
  expect(second.accuracy).toBe(first.accuracy);
  expect(second.paths.length).toBe(first.paths.length);
  expect(first.paths.length).toBeGreaterThan(0);
  // Same points to a tenth of a pixel (see the NOTE on matmul variants in the test above).
  const numbers = (d: string) => (d.match(/-?\d+(\.\d+)?(e-?\d+)?/g) ?? []).map(Number);
  for (const [i, d] of first.paths.entries()) {
    const a = numbers(d);
    const b = numbers(second.paths[i]);
    expect(b.length).toBe(a.length);
    for (const [j, x] of a.entries()) expect(Math.abs(x - b[j]), `path ${i}, number ${j}`).toBeLessThan(0.1);
  }
  expect(errors).toEqual([]);
});
