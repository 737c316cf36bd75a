import { expect, test } from '@playwright/test';
import {
  collectErrors,
  expectHeldAt,
  holdRunAt,
  openRunDetails,
  releaseRun,
  screenshot,
  waitForReady,
} from './helpers';

// Here WebGPU runs on SwiftShader, a software adapter: the page must say so beside Train, let the
// user train anyway, and show the live speed with the adapter's name.
test('on a software adapter: a notice beside Train, training still runs, and a live speed line', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.goto('/?epochs=1&train=3000&hidden=64');
  await waitForReady(page);
  const notice = page.getByTestId('software-adapter');
  await expect(notice).toContainText('runs WebGPU on the CPU');
  await expect(notice).toContainText('tens of times slower than on a GPU');
  await expect(notice).toContainText('hardware acceleration');
  await expect(page.getByTestId('speed-line')).toHaveCount(0); // no run, no speed

  // Held at step 10 of 24 while the live speed is read.
  await holdRunAt(page, 10);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expectHeldAt(page, 10);
  await openRunDetails(page);
  const speed = page.getByTestId('speed-line');
  await expect(speed).toHaveText(
    /^Speed: [\d.]+ ms per step · [\d,]+ images\/s · [\d.]+ GFLOP\/s effective\?? · on .*swiftshader/,
  );
  await screenshot(page, '30-software-adapter-speed');
  await releaseRun(page);
  await expect(page.getByTestId('test-accuracy')).toBeVisible({ timeout: 120_000 });
  await expect(notice).toBeVisible(); // still there after the run: it describes the machine, not the run
  expect(errors).toEqual([]);
});
