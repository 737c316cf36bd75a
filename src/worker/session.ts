// One GPU device and what lives on it: the backend, its buffers and the data. A lost device takes
// all of that with it; recovering means opening a new session.
import { requestGpuDevice } from '../backend/webgpu/device';
import { ErrorScopes } from '../backend/webgpu/errorScopes';
import type { MatmulVariant } from '../backend/webgpu/kernels/context';
import { WebGPUBackend } from '../backend/webgpu/webgpuBackend';
import { type Mnist, PIXELS } from '../data/mnist';
import { DeviceDataset } from '../nn/dataset';
import { warmUp } from '../nn/warmUp';
import type { GpuMemory } from '../protocol/protocol';
import { DEFAULT_SETTINGS } from '../protocol/settings';

export interface SessionHooks {
  /** The device was lost, and not because this session destroyed it (driver reset, test hook...). */
  onLost: (session: GpuSession, message: string) => void;
  /** A validation or out-of-memory error that no error scope caught. */
  onError: (session: GpuSession, error: GPUError) => void;
}

export class GpuSession {
  lost = false;
  train: DeviceDataset | null = null;
  test: DeviceDataset | null = null;
  readonly scopes: ErrorScopes;
  private destroyedByUs = false;

  private constructor(
    readonly backend: WebGPUBackend,
    readonly adapterName: string,
    /** A software adapter (WebGPU on the CPU): the page says so beside Train. */
    readonly isFallback: boolean,
  ) {
    this.scopes = new ErrorScopes(backend.device);
  }

  static async open(hooks: SessionHooks): Promise<GpuSession> {
    let session: GpuSession | null = null;
    const { device, adapterName, isFallback } = await requestGpuDevice({
      onLost: (reason, message) => {
        if (!session) return;
        session.lost = true;
        if (!session.destroyedByUs) hooks.onLost(session, message || reason);
      },
      onError: (error) => session && hooks.onError(session, error),
    });
    session = new GpuSession(new WebGPUBackend(device), adapterName, isFallback);
    return session;
  }

  get device(): GPUDevice {
    return this.backend.device;
  }

  /** The matmul variant chosen for an earlier device of this page, or the one timing picks now. */
  async chooseMatmulVariant(known: MatmulVariant | null): Promise<MatmulVariant> {
    if (known) this.backend.matmulVariant = known;
    // NOTE: the variant only: the pad answers as soon as the device is there, and each pipeline
    // compiles at its first use (the first drawing, the first step).
    else
      await warmUp(this.backend, PIXELS, DEFAULT_SETTINGS.batchSize, DEFAULT_SETTINGS.hidden, {
        compile: false,
      });
    return this.backend.matmulVariant;
  }

  memory(): GpuMemory {
    const { bytesInUse, bytesOwned } = this.backend.pool;
    const { size: uniformBuffers, bytesOwned: uniformBytes } = this.backend.uniforms;
    return { bytesInUse, bytesOwned, uniformBuffers, uniformBytes };
  }

  upload(mnist: Mnist): void {
    this.train = DeviceDataset.upload(this.backend, mnist.train.pixels, mnist.train.labels, PIXELS);
    this.test = DeviceDataset.upload(this.backend, mnist.test.pixels, mnist.test.labels, PIXELS);
  }

  /** Frees the data (the upload failed): the next upload starts over. */
  dropData(): void {
    this.train?.dispose();
    this.test?.dispose();
    this.train = this.test = null;
  }

  /** The first `count` training images: the whole set as it is, or a copy of the first ones. */
  trainingData(mnist: Mnist, count: number): DeviceDataset {
    const all = this.train as DeviceDataset;
    if (count >= all.count) return all;
    // NOTE: a view of a storage buffer would need offsets the kernels do not take; re-uploading
    // the first `count` images is simple and happens once a run.
    const { pixels, labels } = mnist.train;
    return DeviceDataset.upload(
      this.backend,
      pixels.subarray(0, count * PIXELS),
      labels.subarray(0, count),
      PIXELS,
    );
  }

  /** Frees what a finished run left in the pool's free lists, so an idle page holds only what it uses. */
  trim(): void {
    if (this.lost) return;
    this.backend.flush();
    this.backend.pool.trim();
  }

  /** After an error: was the device lost? Waits up to `ms` for the loss to be reported. */
  async lostWithin(ms: number): Promise<boolean> {
    if (this.lost) return true;
    const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms));
    return Promise.race([this.device.lost.then(() => true), timeout]);
  }

  /** Ends the session on purpose: its device's loss is not reported. */
  destroy(): void {
    this.destroyedByUs = true;
    this.device.destroy();
  }

  /** Test hook: a real device.destroy() that the trainer did not ask for, i.e. a device loss. */
  loseForTest(): void {
    this.device.destroy();
  }

  /** Test hook: a createBuffer the device must refuse, reported like any other GPU error. */
  provokeErrorForTest(error: 'validation' | 'out-of-memory'): void {
    const buffer =
      error === 'validation'
        ? // MAP_READ may only be combined with COPY_DST.
          this.device.createBuffer({ size: 16, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.STORAGE })
        : // NOTE: valid, but more than SwiftShader (the CI's WebGPU) can back with one allocation.
          this.device.createBuffer({ size: this.device.limits.maxBufferSize, usage: GPUBufferUsage.STORAGE });
    buffer.destroy();
    // NOTE: Chrome delivers an uncaptured error with the next reply from the GPU process; an idle
    // page gets none, so ask for one.
    void this.device.queue.onSubmittedWorkDone();
  }
}
