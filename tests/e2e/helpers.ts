import { expect, type Page } from '@playwright/test';

export const SCREENSHOTS = 'test-results/screenshots';

/** Saves what the page looks like now, for a person to look at after the run. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
}

/** Collects console errors and uncaught exceptions from the page and its workers. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
  page.on('worker', (worker) =>
    worker.on('console', (message) => {
      if (message.type() === 'error') errors.push(`worker console: ${message.text()}`);
    }),
  );
  return errors;
}

/** Start-up on SwiftShader (device, 11 MB of MNIST, upload, kernel tuning) takes 10-40 s. */
export async function waitForReady(page: Page): Promise<void> {
  await expect(page.getByRole('img', { name: /Training image 1, labelled \d/ })).toBeVisible({
    timeout: 120_000,
  });
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled();
}

/** Drags the mouse over the drawing pad along `points`, given as fractions of its size. */
export async function drawStroke(page: Page, points: [number, number][]): Promise<void> {
  const pad = page.getByLabel('Digit drawing pad');
  await pad.scrollIntoViewIfNeeded();
  const box = await pad.boundingBox();
  if (!box) throw new Error('the drawing pad is not visible');
  const at = ([x, y]: [number, number]) => [box.x + x * box.width, box.y + y * box.height] as const;
  await page.mouse.move(...at(points[0]));
  await page.mouse.down();
  for (const point of points.slice(1)) await page.mouse.move(...at(point), { steps: 6 });
  await page.mouse.up();
}

/** The length of the smoothed training curve's SVG path in a chart: it grows as points arrive. */
export async function curveLength(page: Page, chart: string): Promise<number> {
  const paths = page.getByTestId(chart).locator('path.recharts-line-curve');
  const lengths = await paths.evaluateAll((elements) =>
    elements.map((e) => (e as SVGPathElement).getTotalLength()),
  );
  return Math.max(0, ...lengths);
}

/**
 * Dispatches a message inside the training worker, as if the page had sent it: how tests reach the
 * worker's test hooks ('debug:loseDevice', 'debug:gpuError', 'debug:holdAt'; src/protocol/protocol.ts).
 */
export async function sendToWorker(page: Page, message: object): Promise<void> {
  await expect.poll(() => page.workers().length).toBeGreaterThan(0);
  const worker = page.workers()[0];
  await worker.evaluate((data) => self.dispatchEvent(new MessageEvent('message', { data })), message);
}

/**
 * The run going on, or else the next one, stalls before it trains batch `step` ('debug:holdAt'): the
 * page still shows it training, and it goes no further until Pause, Stop, a lost device or
 * releaseRun. A test that acts on a running run holds it so: a run is never assumed to be still going
 * because the machine is slow.
 */
export async function holdRunAt(page: Page, step: number): Promise<void> {
  await sendToWorker(page, { type: 'debug:holdAt', step });
}

/** Until the run has trained `step` batches of its whole run (where holdRunAt holds it). */
export async function expectHeldAt(page: Page, step: number): Promise<void> {
  const bar = page.getByRole('progressbar', { name: 'Training progress' });
  await expect(bar).toHaveAttribute('aria-valuenow', String(step), { timeout: 120_000 });
}

/** A run stalled by holdRunAt goes on (a 'resume' inside the worker; the page has no button for it). */
export async function releaseRun(page: Page): Promise<void> {
  await sendToWorker(page, { type: 'resume' });
}

/** Uniform buffers the worker's cache holds (bounded; beside the pool's bytes). */
export async function uniformBuffers(page: Page): Promise<number> {
  return Number(await page.getByTestId('gpu-memory').getAttribute('data-uniform-buffers'));
}

/** The buffer pool's exact bytes in use and owned, from the GPU memory meter. */
export async function gpuBytes(page: Page): Promise<{ inUse: number; owned: number }> {
  const meter = page.getByTestId('gpu-memory');
  return {
    inUse: Number(await meter.getAttribute('data-bytes-in-use')),
    owned: Number(await meter.getAttribute('data-bytes-owned')),
  };
}

/** Opens the run's Details (speed, adapter, network, the live learning rate), if not open already. */
export async function openRunDetails(page: Page): Promise<void> {
  const details = page.getByTestId('run-details');
  if ((await details.getAttribute('open')) === null) await details.locator(':scope > summary').click();
  await expect(details).toHaveAttribute('open', '');
}

/** A saved run as IndexedDB holds it: its listing and its weights. */
export interface Saved {
  id: string;
  name: string;
  epoch: number;
  testAccuracy: number | null;
  weights: number[][];
}

/** The saved runs as IndexedDB holds them, read from the page (no hook in the app is needed). */
export function savedRuns(page: Page): Promise<Saved[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('digits-on-webgpu');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const all = (store: string) =>
      new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const [infos, data] = await Promise.all([all('runs'), all('runData')]);
    db.close();
    return infos.map((info) => {
      const weights = data.find((d) => d.id === info.id)?.weights as ArrayBuffer[];
      return { ...info, weights: weights.map((b) => Array.from(new Float32Array(b))) } as Saved;
    });
  });
}
