import { expect, type Page, test } from '@playwright/test';
import {
  collectErrors,
  drawStroke,
  expectHeldAt,
  holdRunAt,
  releaseRun,
  screenshot,
  waitForReady,
} from './helpers';

/** Charts keep at most this many training points (src/page/store MAX_CURVE_POINTS). */
const MAX_CURVE_POINTS = 400;

type Probe = { longestLag: number; lastTick: number };
const TICK_MS = 20;

/**
 * From now on, the longest the page's main thread kept a 20 ms timer waiting: how long a click or
 * a key press would have waited too. (Animation-frame gaps would also count the GPU process, which
 * on a CPU-only machine runs the WebGPU compute in between frames.)
 */
async function startLagProbe(page: Page): Promise<void> {
  await page.evaluate((tick) => {
    const w = window as unknown as Probe;
    const first = w.lastTick === undefined;
    w.longestLag = 0;
    w.lastTick = performance.now();
    if (!first) return;
    setInterval(() => {
      const now = performance.now();
      w.longestLag = Math.max(w.longestLag, now - w.lastTick - tick);
      w.lastTick = now;
    }, tick);
  }, TICK_MS);
}

const longestLag = (page: Page) => page.evaluate(() => (window as unknown as Probe).longestLag);

// NOTE: how promptly the page answers while a run trains is measured and printed here, not judged:
// on a machine shared with other jobs (SwiftShader runs the GPU work on the same cores) any time limit
// fails by chance. Speed targets belong to `npm run bench`. What is judged is state: the pad answers
// during the run, memory stays flat, the charts downsample.
test('a 20-epoch run: the page answers during it, memory stays flat, the charts downsample', async ({
  page,
}) => {
  test.setTimeout(600_000);
  const errors = collectErrors(page);
  // 125 batches an epoch, 2,500 in all: 500 metrics reports, more than a chart keeps. The run is held
  // at these steps, sampled there and let go, so every sample is taken while it runs, on any machine.
  const HOLDS = [250, 750, 1250, 1750, 2250];
  await page.goto('/?epochs=20&batch=8&train=1000&hidden=32');
  await waitForReady(page);
  const cdp = await page.context().newCDPSession(page);
  const gaps: number[] = [];
  const heap: number[] = [];
  const gpu: number[] = [];
  /** The GPU bytes read while the run was still going: the same DOM read tells both. */
  const duringRun: number[] = [];
  // A forced garbage collection stops the page, so the lag is measured between them.
  const sample = async () => {
    gaps.push(await longestLag(page));
    await cdp.send('HeapProfiler.collectGarbage');
    heap.push((await cdp.send('Runtime.getHeapUsage')).usedSize);
    // NOTE: one read for the bytes and the run's state.
    const { inUse, running } = await page.evaluate(() => ({
      inUse: Number(document.querySelector('[data-testid="gpu-memory"]')?.getAttribute('data-bytes-in-use')),
      running: document.querySelector('[data-testid="test-accuracy"]') === null,
    }));
    gpu.push(inUse);
    if (running) duringRun.push(inUse);
    await startLagProbe(page);
  };
  const dots = page.getByTestId('accuracy-chart').locator('.recharts-line-dot');
  const done = page.getByTestId('test-accuracy');

  await startLagProbe(page);
  await holdRunAt(page, HOLDS[0]);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(dots).toHaveCount(1, { timeout: 120_000 });
  // While it trains (it cannot have passed step 250), the pad answers.
  const drawn = Date.now();
  await drawStroke(page, [
    [0.5, 0.15],
    [0.5, 0.85],
  ]);
  await expect(page.getByTestId('prediction')).toHaveText(/^\d$/);
  const drawSeconds = (Date.now() - drawn) / 1000;
  for (const [i, step] of HOLDS.entries()) {
    await expectHeldAt(page, step);
    await sample();
    if (i + 1 < HOLDS.length) await holdRunAt(page, HOLDS[i + 1]);
    await releaseRun(page);
  }
  await expect(done).toBeVisible({ timeout: 300_000 });
  await sample();
  expect(duringRun).toHaveLength(HOLDS.length);
  await screenshot(page, '22-long-run-finished');
  await expect(dots).toHaveCount(20);
  const points = Number(await page.getByTestId('loss-chart').getAttribute('data-points'));
  console.log(`drawing and its prediction: ${drawSeconds} s`);
  console.log(`main-thread lag (ms): ${gaps.map((g) => g.toFixed(0)).join(' ')}`);
  console.log(`heap (kB): ${heap.map((h) => (h / 1000).toFixed(0)).join(' ')}`);
  console.log(`GPU in use (B): ${gpu.join(' ')}; chart rows ${points}`);
  // Flat: after 20 epochs the page holds about what it held halfway (a leak per report would add
  // up to megabytes over 500 reports).
  // NOTE: the finish itself holds memory for a moment (the last renders, the run being saved, its
  // test results): the heap is read again, after a forced collection each time, until that is let go.
  // A leak never is, and fails here.
  const halfway = Math.max(...heap.slice(0, Math.ceil(heap.length / 2)));
  await expect
    .poll(
      async () => {
        await cdp.send('HeapProfiler.collectGarbage');
        const settled = (await cdp.send('Runtime.getHeapUsage')).usedSize;
        heap[heap.length - 1] = settled;
        return settled;
      },
      { timeout: 60_000, intervals: [500, 1_000, 2_000] },
    )
    .toBeLessThan(halfway + 2_000_000);
  console.log(`heap once the finish settled (kB): ${(heap[heap.length - 1] / 1000).toFixed(0)}`);
  // GPU bytes: the baseline (data, model, the run's buffers) is the same late in the run as early
  // on; above it only readbacks and predictions in flight come and go. The run's own buffers are
  // given back when it ends.
  expect(Math.min(...duringRun.slice(-2))).toBe(Math.min(...duringRun.slice(0, 2)));
  // Above it: readbacks of the metrics and of the first layer's weights (the unit tiles, 100 KB
  // here), and at each epoch's end the detailed evaluation (every test image's probabilities, 400 KB
  // in a 512 KB pool bucket, and its staging copy): about 1.3 MB at most.
  expect(Math.max(...duringRun) - Math.min(...duringRun)).toBeLessThan(2_000_000);
  expect(gpu.at(-1)).toBeLessThan(Math.min(...duringRun));
  // 500 reports and 20 test points, drawn as at most 400 + 20 rows; the curve still spans the run.
  expect(points).toBeGreaterThan(MAX_CURVE_POINTS / 2);
  expect(points).toBeLessThanOrEqual(MAX_CURVE_POINTS + 20);
  expect(errors).toEqual([]);
});
