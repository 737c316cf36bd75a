import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import type { UserConfig } from 'vite';
import { configDefaults, defineConfig } from 'vitest/config';
import { contentSecurityPolicyPlugin } from './scripts/contentSecurityPolicy';
import { dataPlugin } from './scripts/dataPlugin';
import { serviceWorkerPlugin } from './scripts/offline/serviceWorkerPlugin';

// Flags that give headless Chromium a WebGPU adapter (SwiftShader on machines without a GPU)
// and keep it from reaching for hosts it cannot reach. See README "Testing".
export const chromiumArgs = [
  '--enable-unsafe-webgpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// `vite build --mode lib` (npm run build:lib): the engine alone as an ES module, shaders inlined,
// for other apps and for Node on Dawn; its types come from tsconfig.lib.json.
const library: UserConfig = {
  publicDir: false,
  build: {
    target: 'es2022',
    outDir: 'dist-lib',
    emptyOutDir: false,
    lib: { entry: 'src/index.ts', formats: ['es'], fileName: 'index' },
  },
};

export default defineConfig(({ mode }) => ({
  base: './',
  plugins:
    mode === 'lib' ? [] : [dataPlugin(), react(), contentSecurityPolicyPlugin(), serviceWorkerPlugin()],
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 1024 },
  ...(mode === 'lib' ? library : {}),
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          // Every test in tests/ (tests/<folder>/ mirrors src/<folder>/), by suffix: a new folder is
          // picked up with no list to update. The other projects are named by their suffixes.
          include: ['tests/**/*.test.{ts,tsx}'],
          exclude: [...configDefaults.exclude, 'tests/**/*.{gpu,dawn,torch,browser}.test.{ts,tsx}'],
        },
      },
      {
        // The generated PyTorch program and the safetensors weights, run in Python with PyTorch
        // (Debian's python3-torch; .ci/run installs it), one file at a time on one thread.
        extends: true,
        test: {
          name: 'torch',
          environment: 'node',
          include: ['tests/torch/**/*.torch.test.ts'],
          testTimeout: 600_000,
          fileParallelism: false,
        },
      },
      {
        // Node on Dawn's WebGPU (npm package webgpu): the bundled gpu:check at small size.
        extends: true,
        test: {
          name: 'dawn',
          environment: 'node',
          include: ['tests/dawn/**/*.dawn.test.ts'],
          testTimeout: 600_000,
        },
      },
      {
        // The page's keeper and the React app in real Chromium (IndexedDB, Web Locks, the DOM), with a
        // fake worker client: no GPU needed.
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.browser.test.{ts,tsx}'],
          testTimeout: 60_000,
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({
              launchOptions: { executablePath: chromiumPath, args: ['--no-sandbox', ...chromiumArgs] },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
      {
        extends: true,
        test: {
          name: 'gpu',
          include: ['tests/gpu/**/*.gpu.test.ts'],
          testTimeout: 300_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({
              launchOptions: { executablePath: chromiumPath, args: ['--no-sandbox', ...chromiumArgs] },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
}));
