import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './vite.config';

// E2E_PORT lets two checkouts on one machine run their suites side by side, each against its own build.
const port = Number(process.env.E2E_PORT ?? 4173);

// End-to-end tests against the BUILT app (`npm run test:e2e` builds first), in the system Chromium.
// NOTE: on machines without a GPU, WebGPU runs on the CPU (SwiftShader): start-up takes 10-20 s and a
// training step about 0.3 s, hence the long timeouts and one worker.
export default defineConfig({
  testDir: 'tests/e2e',
  // Screenshots go to test-results/screenshots; Playwright's own artefacts (wiped each run) elsewhere.
  outputDir: 'test-results/artifacts',
  workers: 1,
  fullyParallel: false,
  timeout: 240_000,
  expect: { timeout: 60_000 },
  // A test.only left in by mistake fails CI instead of silently skipping the rest.
  forbidOnly: !!process.env.CI,
  // The HTML report (with traces of failed tests) is kept in playwright-report/ when a run fails.
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1280, height: 900 },
    launchOptions: { executablePath: chromiumPath, args: ['--no-sandbox', ...chromiumArgs] },
    trace: 'retain-on-failure',
    // The built app registers a service worker (offline support). Specs that route data requests
    // must see them, and a service worker would answer them first: only tests/e2e/offline allows it.
    serviceWorkers: 'block',
  },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
