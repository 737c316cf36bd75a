import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { type Download, expect, type Page, test } from '@playwright/test';
import { SIZE } from '../../src/ui/drawing';
import { drawnDigits } from '../cases/drawnStrokes';
import { collectErrors, drawStroke, waitForReady } from './helpers';

// Teach it your handwriting (issue 28): drawings made through the real pad are labelled by mouse
// and by key, kept across a reload, changed in the Your digits gallery, exported as IDX files and
// imported into a fresh browser (identical bytes out again); the page is axe-clean at both sizes.

/** Draws fixture digit `index` (tests/fixtures/drawnDigits.json) on a cleared pad. */
async function draw(page: Page, index: number): Promise<void> {
  await page.getByRole('button', { name: 'Clear' }).click();
  for (const stroke of drawnDigits[index].strokes)
    await drawStroke(
      page,
      stroke.map(([x, y]) => [x / SIZE, y / SIZE]),
    );
  // The pad has sent the drawing once the label buttons are there.
  await expect(page.getByRole('button', { name: 'Label it 0' })).toBeVisible();
}

const kept = (page: Page) => page.getByTestId('drawing-kept');
const count = (page: Page) => page.getByTestId('your-digits-count');

async function axe(page: Page, state: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const found = violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(found, `axe in ${state}`).toEqual([]);
}

/** Clicks Export and returns the files it downloads, by name. */
async function exportFiles(page: Page, expected: number): Promise<Map<string, Buffer>> {
  const seen: Download[] = [];
  const onDownload = (download: Download) => seen.push(download);
  page.on('download', onDownload);
  await page.getByRole('button', { name: 'Export as IDX files' }).click();
  await expect.poll(() => seen.length).toBe(expected);
  page.off('download', onDownload);
  const files = new Map<string, Buffer>();
  for (const download of seen) files.set(download.suggestedFilename(), await readFile(await download.path()));
  return files;
}

/** Counts the page's requests to read the test digits ('readDigits' posted to the worker). */
async function countReadsAsked(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __reads: number };
    w.__reads = 0;
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: never[]) {
      if ((message as { type?: string })?.type === 'readDigits') w.__reads++;
      return post.call(this, message, ...rest);
    } as typeof post;
  });
}

const readsAsked = (page: Page) => page.evaluate(() => (window as unknown as { __reads: number }).__reads);

test('your digits: label by mouse and key, kept across a reload, exported and imported unchanged', async ({
  page,
  browser,
}) => {
  test.setTimeout(600_000);
  const errors = collectErrors(page);
  await page.goto('/');
  await waitForReady(page);
  await expect(count(page)).toHaveText(/None yet/);

  // By mouse: a 3 (fixture digits are 6 of each, in order), then relabelled on the spot.
  await draw(page, 3 * 6);
  await page.getByRole('button', { name: 'Label it 5' }).click();
  await expect(kept(page)).toHaveText(/Kept in Your digits as a 5\./);
  await page.getByRole('button', { name: 'Label it 3' }).click();
  await expect(kept(page)).toHaveText(/Kept in Your digits as a 3\./);
  await expect(count(page)).toHaveText(/^1 drawing: 1 for training, 0 kept/);

  // By key, on the pad: five 7s, the fifth kept for testing.
  for (let i = 0; i < 5; i++) {
    await draw(page, 7 * 6 + i);
    await page.getByLabel('Digit drawing pad').focus();
    await page.keyboard.press('7');
    await expect(kept(page)).toHaveText(
      i === 4 ? 'Kept in Your digits as a 7, for testing only. Another digit relabels it.' : /as a 7\./,
    );
  }
  await expect(count(page)).toHaveText(/^6 drawings: 5 for training, 1 kept for testing only/);
  const sevens = page.getByRole('list', { name: /^7/ });
  await expect(sevens.getByRole('listitem')).toHaveCount(5);
  await expect(sevens.getByText('for testing', { exact: true })).toHaveCount(1);
  // The model answering the pad (here the untrained one) reads the one test digit, on the worker.
  const yours = page.getByRole('region', { name: 'Your digits' });
  await expect(yours.getByTestId('handwriting-score')).toHaveText(/^Your handwriting: [01] of 1$/);

  // Kept across a reload.
  await page.reload();
  await waitForReady(page);
  await expect(count(page)).toHaveText(/^6 drawings: 5 for training, 1 kept for testing only/);
  await expect(yours.getByTestId('handwriting-score')).toHaveText(/^Your handwriting: [01] of 1$/);

  // Relabel one 7 as a 1, delete another.
  await page.getByLabel('Label of drawing 7 #2').selectOption('1');
  await expect(page.getByRole('list', { name: /^1/ }).getByRole('listitem')).toHaveCount(1);
  await page.getByRole('button', { name: 'Delete drawing 7 #1' }).click();
  await expect(count(page)).toHaveText(/^5 drawings: 4 for training, 1 kept for testing only/);

  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ]) {
    await page.setViewportSize(viewport);
    await page.getByRole('heading', { name: 'Your digits', exact: true }).scrollIntoViewIfNeeded();
    await axe(page, `${viewport.width}x${viewport.height}`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });

  // Export: the training and test parts, images and labels, gzipped.
  const exported = await exportFiles(page, 4);
  expect([...exported.keys()].sort()).toEqual([
    'my-digits-t10k-images-idx3-ubyte.gz',
    'my-digits-t10k-labels-idx1-ubyte.gz',
    'my-digits-train-images-idx3-ubyte.gz',
    'my-digits-train-labels-idx1-ubyte.gz',
  ]);

  // Imported into a fresh browser (its own storage) and exported again: the same bytes.
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await countReadsAsked(other);
  const otherErrors = collectErrors(other);
  await other.goto('/');
  await waitForReady(other);
  await other
    .getByLabel('Import IDX files')
    .setInputFiles([...exported].map(([name, buffer]) => ({ name, mimeType: 'application/gzip', buffer })));
  await expect(other.getByText('Imported 5 drawings.')).toBeVisible();
  await expect(count(other)).toHaveText(/^5 drawings: 4 for training, 1 kept for testing only/);
  const again = await exportFiles(other, 4);
  for (const [name, bytes] of exported) expect(again.get(name)?.equals(bytes), name).toBe(true);

  // A bad file: the importer's message names it and the problem; nothing is added.
  await other.getByLabel('Import IDX files').setInputFiles([
    {
      name: 'my-digits-train-images-idx3-ubyte',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from([0, 0, 8, 3, 0]),
    },
    {
      name: 'my-digits-train-labels-idx1-ubyte.gz',
      mimeType: 'application/gzip',
      buffer: exported.get('my-digits-train-labels-idx1-ubyte.gz') as Buffer,
    },
  ]);
  await expect(other.getByRole('alert')).toContainText('Not imported: my-digits-train-images-idx3-ubyte:');
  await expect(count(other)).toHaveText(/^5 drawings/);

  // A short run: after its epoch the test digit is read by the trained model, beside MNIST's test accuracy.
  await other.goto('/?epochs=1&batch=100&train=2000&hidden=16&seed=4');
  await waitForReady(other);
  const score = other.getByRole('region', { name: 'Your digits' }).getByTestId('handwriting-score');
  await expect(score).toHaveText(/^Your handwriting: [01] of 1$/);
  await other.getByRole('button', { name: 'Train' }).click();
  await expect(score).toHaveText(/^Your handwriting: [01] of 1 · MNIST test: \d+\.\d%$/);

  // Reloaded (the untrained model answers), then the saved run opened: its model reads them again.
  await other.reload();
  await waitForReady(other);
  await expect(score).toHaveText(/^Your handwriting: [01] of 1$/);
  const asked = await readsAsked(other);
  const savedRun = other.getByRole('list', { name: 'Saved runs' }).getByRole('listitem').first();
  await savedRun.getByRole('button', { name: /^Open / }).click();
  await expect(score).toHaveText(/^Your handwriting: [01] of 1 · MNIST test: \d+\.\d%$/);
  await expect.poll(() => readsAsked(other)).toBeGreaterThan(asked);
  await fresh.close();

  expect(errors).toEqual([]);
  expect(otherErrors).toEqual([]);
});

test('draw the digits: asked in turn, Next keeps with the digit asked, Skip and Undo, from the keyboard', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.goto('/');
  await waitForReady(page);
  const press = async (name: string) => {
    await page.getByRole('button', { name, exact: true }).focus();
    await page.keyboard.press('Enter');
  };
  await press('Draw the digits');
  const ask = page.locator('#draw-ask');
  await expect(ask).toHaveText('Draw a 0');
  await expect(page.getByRole('button', { name: 'Next', exact: true })).toBeDisabled(); // nothing drawn
  await draw(page, 0);
  await press('Next');
  await expect(ask).toHaveText('Draw a 1');
  // The pad is cleared for the next digit.
  await expect(page.getByRole('button', { name: 'Label it 0' })).toBeHidden();
  await expect(count(page)).toHaveText(/^1 drawing:/);
  await press('Skip');
  await expect(ask).toHaveText('Draw a 2');
  await draw(page, 2 * 6);
  await press('Next');
  await expect(ask).toHaveText('Draw a 3');
  await expect(count(page)).toHaveText(/^2 drawings:/);
  await expect(page.getByRole('list', { name: /^2/ }).getByRole('listitem')).toHaveCount(1);
  await press('Undo');
  await expect(ask).toHaveText('Draw a 2');
  await expect(count(page)).toHaveText(/^1 drawing:/);
  await expect(page.getByTestId('draw-round')).toHaveText('Round 1 · 1 kept this time');
  // With a drawing on the pad (the correction shown) and one in the gallery, light and dark.
  await draw(page, 2 * 6 + 1);
  for (const colorScheme of ['light', 'dark'] as const)
    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 390, height: 844 },
    ]) {
      await page.emulateMedia({ colorScheme });
      await page.setViewportSize(viewport);
      await axe(page, `Draw the digits at ${viewport.width}x${viewport.height}, ${colorScheme}`);
    }
  await press('Done');
  await expect(ask).toBeHidden();
  expect(errors).toEqual([]);
});
