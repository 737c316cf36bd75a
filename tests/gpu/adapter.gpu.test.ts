import { expect, test } from 'vitest';

test('headless Chromium gives a real WebGPU adapter', async () => {
  expect(
    navigator.gpu,
    'navigator.gpu is missing: is Chromium started with --enable-unsafe-webgpu?',
  ).toBeDefined();
  const adapter = await navigator.gpu.requestAdapter();
  expect(adapter, 'no WebGPU adapter').not.toBeNull();
  console.log('adapter:', adapter?.info.vendor, adapter?.info.architecture, adapter?.info.description);
});
