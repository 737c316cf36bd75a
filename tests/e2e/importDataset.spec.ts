import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { SHAPE_CLASS_NAMES, shapesFiles } from '../cases/shapesDataset';
import { collectErrors, drawStroke, expectHeldAt, holdRunAt, releaseRun, waitForReady } from './helpers';

// Any MNIST-format data set (issue 28): a hostile file is refused with the importer's message and
// changes nothing; a small generated data set of three classes (bars, columns, rings) is imported,
// trained on for a few steps (the run held by state), and the pad's reading names its classes;
// Back to MNIST. Axe-clean at a laptop's size and a phone's.

const LABELS = {
  trainImages: 'Training images (IDX file)',
  trainLabels: 'Training labels (IDX file)',
  testImages: 'Test images (IDX file)',
  testLabels: 'Test labels (IDX file)',
} as const;

type Files = ReturnType<typeof shapesFiles>;

async function chooseFiles(page: Page, files: Files): Promise<void> {
  for (const [role, label] of Object.entries(LABELS) as [keyof Files, string][]) {
    const { name, bytes } = files[role];
    await page
      .getByLabel(label, { exact: true })
      .setInputFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) });
  }
}

async function axeClean(page: Page, state: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const)
    for (const size of [
      { width: 1280, height: 800 },
      { width: 390, height: 844 },
    ]) {
      await page.emulateMedia({ colorScheme });
      await page.setViewportSize(size);
      const { violations } = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .analyze();
      const found = violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(found, `axe in ${state} at ${size.width}x${size.height}, ${colorScheme}`).toEqual([]);
    }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('import a generated three-class data set, refuse a hostile file, train on it, read its class names', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const errors = collectErrors(page);
  await page.goto('/?epochs=1&batch=10&train=90&hidden=16&seed=1&lr=0.01');
  await waitForReady(page);
  const inUse = page.getByTestId('dataset-in-use');
  await expect(inUse).toHaveText(/^MNIST: /);

  // A hostile file: the training labels are an image file. Refused by name; MNIST stays.
  const good = shapesFiles({ gzip: true, train: 90, test: 30 });
  await page.getByText('Import a data set', { exact: true }).click();
  await chooseFiles(page, { ...good, trainLabels: { ...good.trainImages, name: 'labels.gz' } });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByTestId('dataset-error')).toHaveText(
    'labels.gz: is an IDX image file, given as the training labels.',
  );
  await expect(inUse).toHaveText(/^MNIST: /);
  await axeClean(page, 'the refusal');

  // The good files, with class names: the data set in use is named, with its counts and classes.
  await chooseFiles(page, good);
  await page.getByLabel('Name (optional)').fill('Shapes');
  await page.getByLabel('Class names, comma-separated (optional)').fill(SHAPE_CLASS_NAMES.join(', '));
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(inUse).toHaveText('Shapes: 90 training and 30 test images; classes bar, column, ring.');
  await expect(page.getByTestId('dataset-error')).toHaveCount(0);
  await expect(
    page.getByRole('img', { name: /Training image 1, labelled (bar|column|ring)$/ }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled();
  // The data browser pages through the data set's classes, by name.
  await expect(page.getByTestId('data-browser').getByLabel('Class').locator('option')).toHaveText([
    'all',
    ...SHAPE_CLASS_NAMES,
  ]);

  // A few steps, held by state: the reading of a drawn ring names one of the three classes.
  await holdRunAt(page, 5);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expectHeldAt(page, 5);
  await drawStroke(page, [
    [0.5, 0.25],
    [0.75, 0.5],
    [0.5, 0.75],
    [0.25, 0.5],
    [0.5, 0.25],
  ]);
  await expect(page.getByTestId('prediction')).toHaveText(/^(bar|column|ring)$/);
  await expect(
    page.getByRole('list', { name: 'Probability of each class' }).getByRole('listitem'),
  ).toHaveCount(3);
  await releaseRun(page);
  await expect(page.getByRole('button', { name: 'Train again' })).toBeEnabled({ timeout: 120_000 });
  await expect(page.getByTestId('test-accuracy')).toBeVisible();
  await expect(page.getByText(/of the 30 test images of Shapes it never trained on/)).toBeVisible();
  await axeClean(page, 'the imported data set, trained');

  // Your digits are digits: mixing them into Shapes is refused with a message, and the page stays ready.
  const myDigits = page.getByLabel('Train on my digits too');
  await myDigits.check();
  await page.getByRole('button', { name: 'Train again' }).click();
  await expect(page.getByTestId('run-alert')).toContainText('Your digits mix into MNIST only');
  await myDigits.uncheck();
  await expect(page.getByRole('button', { name: 'Train again' })).toBeEnabled();

  // The way back: MNIST's digits again (the form closed: its file buttons' names hold "Train").
  await page.getByText('Import a data set', { exact: true }).click();
  await page.getByRole('button', { name: 'Back to MNIST' }).click();
  await expect(inUse).toHaveText(/^MNIST: /);
  await waitForReady(page);
  expect(errors).toEqual([]);
});

test("your test digits' readings open in the confusion matrix and its galleries, beside the test set's", async ({
  page,
}) => {
  test.setTimeout(300_000);
  const errors = collectErrors(page);
  await page.goto('/');
  await waitForReady(page);
  // Six test digits (generated shapes, labelled 0, 1, 2...) through Your digits' own import.
  const { testImages, testLabels } = shapesFiles({ train: 3, test: 6 });
  await page.getByLabel('Import IDX files').setInputFiles([
    {
      name: 'my-digits-t10k-images-idx3-ubyte',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from(testImages.bytes),
    },
    {
      name: 'my-digits-t10k-labels-idx1-ubyte',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from(testLabels.bytes),
    },
  ]);
  await expect(page.getByTestId('your-digits-count')).toHaveText(/^6 drawings: 0 for training, 6 kept/);

  // The untrained model on the pad reads them: the matrix counts them, and a cell opens their gallery.
  await page.getByRole('tab', { name: 'Confusion matrix' }).click();
  await page.getByRole('radio', { name: 'Your test digits (6)' }).check();
  const matrix = page.getByTestId('your-digits-matrix');
  await expect(matrix.getByTestId('confusion-matrix')).toHaveAttribute('data-total', '6');
  await expect(matrix.getByText(/^Your test digits: \d of 6 read correctly/)).toBeVisible();
  await matrix
    .getByRole('button', { name: /^True 0, read as \d: [1-9]\d* images?$/ })
    .first()
    .click();
  await expect(matrix.getByRole('heading', { name: /^\d of your test digits: a 0 read/ })).toBeVisible();
  await expect(
    matrix.getByRole('img', { name: /^Your test digit \d: a 0, read as \d \(\d+%\)$/ }).first(),
  ).toBeVisible();
  await axeClean(page, "your test digits' matrix");
  // And back to the test set's.
  await page.getByRole('radio', { name: 'The test set' }).check();
  await expect(matrix).toHaveCount(0);
  expect(errors).toEqual([]);
});
