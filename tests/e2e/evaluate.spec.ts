import { expect, type Page, test } from '@playwright/test';
import { toTfjs } from '../../src/page/tfjsFormat';
import { collectErrors, expectHeldAt, holdRunAt, screenshot, waitForReady } from './helpers';

// Trying the network without drawing (a random test image, from the keyboard; a gallery's image),
// evaluating the model that answers on the 10,000 test images with one click (an imported one), and
// an opened saved run bringing back its confusion matrix and unit tiles. Issue 13.

/** How many of the 10,000 MNIST test images carry each label. */
const TEST_COUNTS = [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009];

/** Pixels of the drawing pad that hold ink. */
function inkOnPad(page: Page): Promise<number> {
  return page.getByLabel('Digit drawing pad').evaluate((canvas) => {
    const c = canvas as HTMLCanvasElement;
    const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? [];
    let ink = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) ink++;
    return ink;
  });
}

/** A model.json and weights file for 784 → 10 that reads every image as `digit`. */
function constantModel(digit: number) {
  const bias = new Float32Array(10);
  bias[digit] = 5;
  const { modelJson, weights } = toTfjs({
    inputDim: 784,
    layers: [{ units: 10, activation: 'softmax' }],
    weights: [new Float32Array(784 * 10), bias],
  });
  return [
    { name: 'model.json', mimeType: 'application/json', buffer: Buffer.from(modelJson) },
    { name: 'model.weights.bin', mimeType: 'application/octet-stream', buffer: Buffer.from(weights) },
  ];
}

test('a random test image from the keyboard; an imported model re-reads the pad and is evaluated in one click; an opened run brings back its views', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.goto('/?epochs=1&batch=100&train=2000&hidden=16&seed=4');
  await waitForReady(page);

  // Before any training, Download is off, and says why.
  const download = page.getByRole('button', { name: 'Download model (TF.js)', exact: true });
  await expect(download).toBeDisabled();
  await expect(download).toHaveAccessibleDescription(/^Download is for a trained model/);

  // A random test image, from the keyboard: drawn on the pad, named, and read.
  await page.getByRole('button', { name: 'Clear', exact: true }).focus();
  await page.keyboard.press('Tab');
  const random = page.getByRole('button', { name: 'Random test image', exact: true });
  await expect(random).toBeFocused();
  await page.keyboard.press('Enter');
  const caption = page.getByTestId('pad-caption');
  await expect(caption).toHaveText(/^Test image #\d+, labelled \d\.$/);
  expect(await inkOnPad(page)).toBeGreaterThan(100);
  await expect(page.getByRole('img', { name: 'The drawing as the network sees it' })).toBeVisible();
  const prediction = page.getByTestId('prediction');
  await expect(prediction).toHaveText(/^\d$/);
  await screenshot(page, 'evaluate-1-random-image');

  // Evaluate waits while a run goes on; the run's own evaluation fills the views.
  const evaluate = page.getByRole('button', { name: 'Evaluate on the 10,000 test images', exact: true });
  await expect(evaluate).toBeEnabled();
  await holdRunAt(page, 5);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expectHeldAt(page, 5);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Resume', exact: true })).toBeEnabled();
  await expect(evaluate).toBeDisabled();
  await expect(evaluate).toHaveAccessibleDescription('Evaluating waits until the run ends.');
  await page.getByRole('button', { name: 'Resume', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Run finished' })).toBeVisible({ timeout: 120_000 });
  const runAccuracy = (await page.getByTestId('test-accuracy').textContent()) ?? 'missing';
  const savedRun = page.getByRole('list', { name: 'Saved runs' }).getByRole('listitem').first();
  await expect(savedRun).toContainText('Epoch 1 of 1');
  await expect(download).toBeEnabled();

  // An imported model reads the test image on the pad at once, without a redraw.
  await expect(caption).toBeVisible();
  const trained = Number(await prediction.textContent());
  const constant = (trained + 1) % 10;
  await page
    .getByLabel('Import a TensorFlow.js model: model.json and its weights file')
    .setInputFiles(constantModel(constant));
  await expect(page.getByTestId('shown-model')).toContainText('The pad now uses model.json (784 → 10)');
  // The picture and the run panel describe the imported model, not the form's.
  const picture = page.getByTestId('network-picture');
  await expect(picture).toContainText('Dense(10, softmax)');
  await expect(picture).not.toContainText(/Dense\(\d+, relu\)/);
  await expect(picture).toContainText('7,850 parameters');
  await expect(page.getByText('The imported model.json (784 → 10) answers the pad.')).toBeVisible();
  await expect(prediction).toHaveText(String(constant));
  await expect(caption).toBeVisible();
  const matrix = page.getByTestId('confusion-matrix');
  await expect(matrix).toHaveCount(0); // the run's matrix was another model's

  // One click: its progress shows, then its accuracy, matrix, tiles and galleries.
  await page.evaluate(() => {
    const seen = window as unknown as { evaluationProgress: boolean };
    seen.evaluationProgress = false;
    new MutationObserver(() => {
      if (document.querySelector('[role="progressbar"][aria-label="Evaluation progress"]'))
        seen.evaluationProgress = true;
    }).observe(document.body, { childList: true, subtree: true, attributes: true });
  });
  await page.getByRole('tab', { name: 'Confusion matrix', exact: true }).click();
  await evaluate.click();
  await expect(matrix).toHaveAttribute('data-total', '10000');
  // Every image read as `constant`: right exactly for the test images of that digit.
  await expect(matrix).toHaveAttribute('data-correct', String(TEST_COUNTS[constant]));
  const share = `${((100 * TEST_COUNTS[constant]) / 10_000).toFixed(1)}%`;
  await expect(page.getByTestId('evaluation-accuracy')).toHaveText(share);
  await expect(page.getByTestId('confusion-accuracy')).toHaveText(share);
  await expect(matrix).toContainText('Test set: '); // its epochs are not known
  expect(
    await page.evaluate(() => (window as unknown as { evaluationProgress: boolean }).evaluationProgress),
  ).toBe(true);
  await page.getByRole('button', { name: /^Show all [\d,]+ mistakes/ }).click();
  const items = page.getByTestId('gallery-item');
  await expect(items).toHaveCount(48);
  for (const predicted of await items.evaluateAll((all) => all.map((i) => i.getAttribute('data-predicted'))))
    expect(predicted).toBe(String(constant));
  const first = await items.first().getAttribute('data-label');
  await page
    .getByRole('button', { name: /^Try it: test image \d+ on the pad$/ })
    .first()
    .click();
  await expect(caption).toHaveText(new RegExp(`^Test image #\\d+, labelled ${first}\\.$`));
  await expect(prediction).toHaveText(String(constant));
  await page.getByRole('tab', { name: 'Unit tiles', exact: true }).click();
  const tiles = page.getByTestId('unit-tiles');
  await expect(tiles).toHaveAttribute('data-mode', 'weights'); // no start to compare with
  await expect(tiles).toHaveAttribute('data-draws', /^[1-9]\d*$/);
  await screenshot(page, 'evaluate-2-imported');

  // Opening the saved run brings back its result, its matrix and its tiles, without a click more.
  await savedRun.getByRole('button', { name: /^Open / }).click();
  await expect(page.getByTestId('shown-model')).toContainText('as saved after epoch 1');
  await page.getByRole('tab', { name: 'Confusion matrix', exact: true }).click();
  await expect(matrix).toContainText('Test set after epoch 1: ');
  await expect(page.getByTestId('confusion-accuracy')).toHaveText(runAccuracy);
  await expect(page.getByTestId('evaluation-accuracy')).toHaveText(runAccuracy);
  await expect(page.getByTestId('test-accuracy')).toHaveText(runAccuracy);
  await page.getByRole('tab', { name: 'Unit tiles', exact: true }).click();
  await expect(tiles).toHaveAttribute('data-draws', /^[1-9]\d*$/);
  await screenshot(page, 'evaluate-3-opened');
  expect(errors).toEqual([]);
});
