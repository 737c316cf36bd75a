// The data's way to the device: MNIST downloaded once (with progress), then uploaded to each new
// device, with a sample of images for the page. A failure at either step is reported, and Retry
// starts again from the step that failed.
import { describeGpuError } from '../backend/webgpu/errorScopes';
import { DataFileError } from '../data/idx';
import { loadMnist, type Mnist, PIXELS } from '../data/mnist';
import type { ErrorKind, FromWorker } from '../protocol/protocol';
import type { GpuSession } from './session';

const SAMPLE_COUNT = 12;

export class DataLoader {
  mnist: Mnist | null = null;
  private downloading = false;

  constructor(
    private readonly dataUrl: string,
    private readonly emit: (message: FromWorker) => void,
    private readonly fail: (kind: ErrorKind, message: string, fatal: boolean, file?: string) => void,
    /** The device session now, if any: the data goes there once both are here. */
    private readonly session: () => GpuSession | null,
  ) {}

  /** After a failure: download again, or, if the data is here, try the GPU upload again. */
  async retry(): Promise<void> {
    if (this.mnist) await this.upload();
    else await this.download();
  }

  async download(): Promise<void> {
    if (this.downloading || this.mnist) return;
    this.downloading = true;
    let failed = false;
    try {
      this.mnist = await loadMnist(this.dataUrl, (p) => failed || this.emit({ type: 'loading', ...p }));
    } catch (error) {
      failed = true;
      const file = error instanceof DataFileError ? error.file : undefined;
      this.fail('data', (error as Error).message, false, file);
      return;
    } finally {
      this.downloading = false;
    }
    await this.upload();
  }

  /** Puts the data on the device once both are there, and says so. */
  async upload(): Promise<void> {
    const { mnist } = this;
    const session = this.session();
    if (!session || session.lost || !mnist || session.train) return;
    session.scopes.open();
    session.upload(mnist);
    const error = await session.scopes.close();
    if (error) {
      session.dropData();
      this.fail('data', `The GPU could not take the images. ${describeGpuError(error)}`, false);
      return;
    }
    this.emit({
      type: 'ready',
      samples: {
        pixels: mnist.train.pixels.slice(0, SAMPLE_COUNT * PIXELS),
        labels: Array.from(mnist.train.labels.subarray(0, SAMPLE_COUNT)),
      },
      trainCount: mnist.train.count,
      testCount: mnist.test.count,
      memory: session.memory(),
    });
  }
}
