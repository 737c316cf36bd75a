// Validation and out-of-memory errors are caught by error scopes, where they happen, with a message
// for the page.
import { expect, test } from 'vitest';
import { requestGpuDevice } from '../../src/backend/webgpu/device';
import { describeGpuError, ErrorScopes } from '../../src/backend/webgpu/errorScopes';

const uncaptured: GPUError[] = [];
const { device } = await requestGpuDevice({ onError: (error) => uncaptured.push(error) });
const scopes = new ErrorScopes(device);

test('a validation error is caught by the scopes, not left uncaptured', async () => {
  scopes.open();
  device.createBuffer({ size: 16, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.STORAGE });
  const error = await scopes.close();
  expect(error).toBeInstanceOf(GPUValidationError);
  expect(describeGpuError(error as GPUError)).toMatch(/^The GPU refused a command: .*usage/i);
  expect(await scopes.close()).toBeNull(); // closed: nothing more to report
});

test('running out of memory is caught by the scopes', async () => {
  // Buffers as large as the device allows, until it cannot back one (SwiftShader: the first).
  const held: GPUBuffer[] = [];
  let error: GPUError | null = null;
  for (let i = 0; i < 64 && !error; i++) {
    scopes.open();
    held.push(device.createBuffer({ size: device.limits.maxBufferSize, usage: GPUBufferUsage.STORAGE }));
    error = await scopes.close();
  }
  for (const buffer of held) buffer.destroy();
  expect(error).toBeInstanceOf(GPUOutOfMemoryError);
  expect(describeGpuError(error as GPUError)).toMatch(
    /^The GPU ran out of memory \(.+\)\. Try fewer hidden units or a smaller batch\.$/,
  );
});

test('nothing was left uncaptured, and the device still works', async () => {
  await device.queue.onSubmittedWorkDone();
  expect(uncaptured).toEqual([]);
  scopes.open();
  device.createBuffer({ size: 256, usage: GPUBufferUsage.STORAGE }).destroy();
  expect(await scopes.close()).toBeNull();
});
