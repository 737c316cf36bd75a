import { expect, test } from '@playwright/test';
import { UNIFORM_CAPACITY } from '../../src/backend/webgpu/pipelines';
import {
  collectErrors,
  drawStroke,
  expectHeldAt,
  gpuBytes,
  holdRunAt,
  screenshot,
  uniformBuffers,
  waitForReady,
} from './helpers';

test('ten train/stop cycles end with the GPU bytes in use of the first', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/?epochs=5&batch=50&train=1000&hidden=32');
  await waitForReady(page);
  const meter = page.getByTestId('gpu-memory');
  const afterCycle: { inUse: number; owned: number }[] = [];
  for (let cycle = 0; cycle < 10; cycle++) {
    // Each run is stopped at another batch of its 100, held there until then.
    await holdRunAt(page, 3 + 7 * cycle);
    await page.getByRole('button', { name: /^Train( again)?$/ }).click();
    await expectHeldAt(page, 3 + 7 * cycle);
    await page.getByRole('button', { name: 'Stop', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Run stopped early' })).toBeVisible();
    afterCycle.push(await gpuBytes(page));
    // Counted, and bounded: each cycle stops at another batch, so the count may grow, never past it.
    const uniforms = await uniformBuffers(page);
    expect(uniforms).toBeGreaterThan(0);
    expect(uniforms).toBeLessThanOrEqual(UNIFORM_CAPACITY);
  }
  await expect(meter).toContainText(/GPU memory: [\d.]+ MB in use/);
  await screenshot(page, '21-after-ten-cycles');
  console.log('bytes after each cycle:', afterCycle.map((b) => b.inUse).join(' '));
  expect(afterCycle[0].inUse).toBeGreaterThan(0);
  // In use: the data and the model. Owned: the same, since a finished run gives its free buffers back.
  for (const bytes of afterCycle) expect(bytes).toEqual(afterCycle[0]);
  expect(errors).toEqual([]);
});

test('ten predictions of a drawn digit end with the GPU bytes of the first', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/?train=1000&hidden=32');
  await waitForReady(page);
  let first: { inUse: number; owned: number; uniforms: number } | null = null;
  for (let i = 0; i < 10; i++) {
    await page.getByRole('button', { name: 'Clear' }).click();
    await expect(page.getByTestId('prediction')).toHaveCount(0);
    const x = 0.3 + i * 0.04;
    await drawStroke(page, [
      [x, 0.2],
      [x + 0.1, 0.8],
    ]);
    await expect(page.getByTestId('prediction')).toHaveText(/^\d$/);
    // A stroke asks more than once (as it starts, and as it ends); the worker answers one at a time,
    // so every answer reports memory with no other prediction holding buffers. A leak would keep the
    // meter from ever coming back to the first reading.
    first ??= { ...(await gpuBytes(page)), uniforms: await uniformBuffers(page) };
    const expected = first;
    // The same shapes every time: the uniform cache must not grow either.
    await expect
      .poll(async () => ({ ...(await gpuBytes(page)), uniforms: await uniformBuffers(page) }), {
        timeout: 10_000,
      })
      .toEqual(expected);
  }
  expect(first?.inUse).toBeGreaterThan(0);
  expect(errors).toEqual([]);
});
