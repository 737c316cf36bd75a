import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { expect, type Route, test } from '@playwright/test';
import { collectErrors, drawStroke, screenshot } from './helpers';

const LABELS = 't10k-labels-idx1-ubyte';
/** The real test-set labels, as the install step made them: a 10,008-byte IDX file. */
const labels = gunzipSync(readFileSync(`public/mnist/${LABELS}.gz`));

function withHeader(magic: number, count: number, body: Uint8Array): Buffer {
  const file = Buffer.alloc(8 + body.length);
  file.writeUInt32BE(magic, 0);
  file.writeUInt32BE(count, 4);
  file.set(body, 8);
  return file;
}

const serve = (body: Buffer) => (route: Route) => route.fulfill({ status: 200, body });

/** Each visit to the page's data gets the next of these broken files; then the real one. */
const BROKEN: { name: string; file: string; route: (route: Route) => Promise<void>; problem: RegExp }[] = [
  {
    name: 'missing manifest',
    file: 'manifest.json',
    route: (route) => route.fulfill({ status: 404, body: 'Not found' }),
    problem: /manifest\.json: download failed \(HTTP 404\)/,
  },
  {
    name: 'missing file',
    file: LABELS,
    route: (route) => route.fulfill({ status: 404, body: 'Not found' }),
    problem: /download failed \(HTTP 404\)/,
  },
  {
    name: 'failed download',
    file: LABELS,
    route: (route) => route.abort('connectionreset'),
    // Not the case before's "(HTTP 404)", which the alert still shows until this attempt fails.
    problem: /download failed \((?!HTTP 404)[^)]+\)/,
  },
  {
    name: 'wrong magic number',
    file: LABELS,
    route: serve(withHeader(0x803, 10_000, labels.subarray(8))),
    problem: /wrong magic number 0x00000803, expected 0x00000801/,
  },
  {
    name: 'truncated',
    file: LABELS,
    route: serve(labels.subarray(0, 5000)),
    problem: /truncated: 5000 bytes, but 10000 labels need 10008/,
  },
  {
    name: 'wrong size',
    file: LABELS,
    route: serve(Buffer.concat([labels, Buffer.alloc(3)])),
    problem: /3 unexpected trailing bytes after 10000 labels/,
  },
  {
    name: 'counts that disagree',
    file: 't10k-images-idx3-ubyte',
    route: serve(gzipSync(withHeader(0x801, 9999, labels.subarray(8, 8 + 9999)))),
    problem: /holds 10000 images but t10k-labels-idx1-ubyte holds 9999 labels/,
  },
  {
    name: 'corrupt gzip',
    file: LABELS,
    route: serve(
      Buffer.concat([readFileSync(`public/mnist/${LABELS}.gz`).subarray(0, 2000), Buffer.alloc(500, 7)]),
    ),
    problem: /could not inflate the gzip data/,
  },
];

test('broken data files: the page names the file and the problem, Retry works, the pad works meanwhile', async ({
  page,
}) => {
  const errors = collectErrors(page);
  let visit = 0;
  // The manifest is fetched first on each attempt: it moves the test to the next case.
  await page.route('**/mnist/manifest.json', async (route) => {
    visit++;
    if (BROKEN[visit - 1]?.name === 'missing manifest') return BROKEN[visit - 1].route(route);
    return route.continue();
  });
  await page.route(`**/mnist/${LABELS}.gz`, (route) => {
    const broken = BROKEN[visit - 1];
    return broken && broken.name !== 'missing manifest' ? broken.route(route) : route.continue();
  });
  await page.goto('/?train=1000&hidden=32');
  const alert = page.getByTestId('data-error');
  const retry = page.getByRole('button', { name: 'Retry' });
  const train = page.getByRole('button', { name: 'Train', exact: true });

  for (const [i, { name, file, problem }] of BROKEN.entries()) {
    await test.step(name, async () => {
      await expect(alert).toContainText('The MNIST data could not be loaded.');
      await expect(alert.locator('code')).toHaveText(file);
      await expect(alert).toContainText(problem);
      await expect(train).toBeDisabled();
      if (i === 0) {
        // The rest of the app works: the untrained network answers drawings, settings can be typed.
        await expect(page.getByTestId('gpu-memory')).toBeVisible();
        await drawStroke(page, [
          [0.5, 0.15],
          [0.5, 0.85],
        ]);
        await expect(page.getByTestId('prediction')).toHaveText(/^\d$/);
        await expect(page.getByText(/Untrained model/)).toBeVisible();
        // What needs the test images says so, and waits.
        await expect(page.getByRole('button', { name: 'Random test image' })).toBeDisabled();
        const evaluate = page.getByRole('button', { name: 'Evaluate on the 10,000 test images' });
        await expect(evaluate).toBeDisabled();
        await expect(evaluate).toHaveAccessibleDescription(
          'The test images could not be loaded (see Training data below).',
        );
        await page.getByLabel('Epochs', { exact: true }).fill('2');
        await screenshot(page, '15-data-missing-manifest');
      }
      if (name === 'wrong magic number') await screenshot(page, '16-data-wrong-magic');
      await retry.click();
      // The next attempt has begun (it fetched the manifest): a later click cannot land in this one.
      await expect.poll(() => visit).toBe(i + 2);
    });
  }
  await expect(page.getByRole('img', { name: /Training image 1, labelled \d/ })).toBeVisible();
  await expect(alert).toHaveCount(0);
  await expect(train).toBeEnabled();
  await expect(page.getByRole('button', { name: 'Random test image' })).toBeEnabled();
  await expect(page.getByRole('button', { name: 'Evaluate on the 10,000 test images' })).toBeEnabled();
  await expect(page.getByLabel('Epochs', { exact: true })).toHaveValue('2');
  expect(visit).toBe(BROKEN.length + 1);
  // The failed downloads are reported in the page, never only in the console; the browser logs
  // failed requests itself, and those are the only console errors.
  expect(errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
});
