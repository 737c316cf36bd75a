// Adapter and device set-up, done once: the limits we ask for, and where loss and errors go.

export class WebGPUUnavailableError extends Error {
  override name = 'WebGPUUnavailableError';
}

export interface GpuDevice {
  device: GPUDevice;
  /** "vendor architecture (description)", for the UI and logs. */
  adapterName: string;
  /**
   * A software adapter (SwiftShader and the like): WebGPU runs on the CPU, tens of times slower than
   * on a GPU. From adapter.info.isFallbackAdapter, or architecture 'swiftshader' where that is absent.
   */
  isFallback: boolean;
}

export interface DeviceHooks {
  onLost?: (reason: string, message: string) => void;
  onError?: (error: GPUError) => void;
}

const HOW_TO_GET_WEBGPU =
  'Use a recent Chrome or Edge (113 or newer) on a machine with a supported GPU, or Firefox 141+ on Windows; ' +
  'on Linux, start Chrome with --enable-unsafe-webgpu (and --enable-features=Vulkan).';

export async function requestGpuDevice(hooks: DeviceHooks = {}): Promise<GpuDevice> {
  const gpu = (globalThis.navigator as Navigator | undefined)?.gpu;
  if (!gpu) {
    throw new WebGPUUnavailableError(
      `This browser does not expose WebGPU (navigator.gpu is missing). ${HOW_TO_GET_WEBGPU}`,
    );
  }
  const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  if (!adapter) {
    throw new WebGPUUnavailableError(
      `WebGPU is present but no GPU adapter is available. ${HOW_TO_GET_WEBGPU}`,
    );
  }
  // Ask for what the adapter offers rather than the defaults: the training set alone is a 47 MB
  // binding, and CPU-backed adapters allow 1 GiB only when asked.
  const wanted = [
    'maxStorageBufferBindingSize',
    'maxBufferSize',
    'maxComputeWorkgroupStorageSize',
    'maxComputeInvocationsPerWorkgroup',
    'maxComputeWorkgroupSizeX',
    'maxComputeWorkgroupSizeY',
    'maxComputeWorkgroupsPerDimension',
    'maxStorageBuffersPerShaderStage',
  ] as const;
  const requiredLimits: Record<string, number> = {};
  for (const name of wanted) requiredLimits[name] = adapter.limits[name];
  const hasTimestamps = adapter.features.has('timestamp-query');
  const device = await adapter.requestDevice({
    requiredLimits,
    requiredFeatures: hasTimestamps ? ['timestamp-query'] : [],
  });
  device.lost.then((info) => hooks.onLost?.(info.reason, info.message));
  device.addEventListener('uncapturederror', (event) => hooks.onError?.(event.error));
  const { vendor, architecture, description } = adapter.info;
  const adapterName = [vendor, architecture, description && `(${description})`].filter(Boolean).join(' ');
  const isFallback = adapter.info.isFallbackAdapter === true || architecture === 'swiftshader';
  return { device, adapterName: adapterName || 'unknown adapter', isFallback };
}
