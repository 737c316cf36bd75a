// Shared by the GPU tests: one real WebGPU device for the file, random data, and comparison.
import { CpuBackend } from '../../src/backend/cpu/cpuBackend';
import { requestGpuDevice } from '../../src/backend/webgpu/device';
import { WebGPUBackend } from '../../src/backend/webgpu/webgpuBackend';

export async function gpuBackend(): Promise<WebGPUBackend> {
  // A test that gets no adapter fails here; it never skips.
  const { device } = await requestGpuDevice({
    onError: (error) => {
      throw new Error(`uncaptured WebGPU error: ${error.message}`);
    },
  });
  return new WebGPUBackend(device);
}

export const cpuBackend = () => new CpuBackend();

export { expectClose } from '../cases/expectClose';
export { randomArray } from '../cases/random';
