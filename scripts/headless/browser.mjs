// Shared by the headless commands: serve the repo with Vite and open a page in headless Chromium
// with WebGPU (SwiftShader where there is no GPU), forwarding the page's console to stdout.
import { chromium } from 'playwright';
import { createServer } from 'vite';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--enable-unsafe-webgpu',
  '--enable-features=Vulkan',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Opens `path` and resolves with the value the page posts as `window.__result` (polling). */
export async function runPage(path, { timeoutMs = 3_600_000, onLine = (line) => console.log(line) } = {}) {
  // No watching and no HMR: an edit elsewhere in the repo must not reload a run in progress.
  const server = await createServer({
    server: { host: '127.0.0.1', port: 0, hmr: false, watch: null },
    logLevel: 'error',
  });
  await server.listen();
  const { port } = server.httpServer.address();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage();
    page.on('console', (message) => onLine(message.text()));
    page.on('pageerror', (error) => onLine(`page error: ${error.message}`));
    await page.goto(`http://127.0.0.1:${port}${path}`);
    const handle = await page.waitForFunction(() => window.__result, null, {
      timeout: timeoutMs,
      polling: 1000,
    });
    return await handle.jsonValue();
  } finally {
    await browser.close();
    await server.close();
  }
}
