// The data's way to the device: MNIST downloaded once (with progress), then uploaded to each new
// device, with a sample of images for the page. A failure at either step is reported, and Retry
// starts again from the step that failed. An imported data set (use) takes MNIST's place on the
// device until the page asks for MNIST again; MNIST itself stays downloaded.
import { describeGpuError } from '../backend/webgpu/errorScopes';
import { DataFileError } from '../data/idx';
import { loadMnist, type Mnist, PIXELS } from '../data/mnist';
import type { DatasetUpload } from '../protocol/dataset';
import type { ErrorKind, FromWorker } from '../protocol/protocol';
import type { GpuSession } from './session';

const SAMPLE_COUNT = 12;

export class DataLoader {
  /** MNIST, once downloaded. */
  private builtIn: Mnist | null = null;
  /** The imported data set in use, if any (else MNIST). */
  private imported: DatasetUpload | null = null;
  private downloading = false;

  constructor(
    private readonly dataUrl: string,
    private readonly emit: (message: FromWorker) => void,
    private readonly fail: (kind: ErrorKind, message: string, fatal: boolean, file?: string) => void,
    /** The device session now, if any: the data goes there once both are here. */
    private readonly session: () => GpuSession | null,
  ) {}

  /** The data set in use: the imported one, else MNIST (null until downloaded). */
  get mnist(): Mnist | null {
    return this.imported ?? this.builtIn;
  }

  /** The imported data set in use, or null for MNIST. */
  get dataset(): DatasetUpload | null {
    return this.imported;
  }

  /**
   * Another data set on the device (null: MNIST). Returns why not, with the previous one back on the
   * device, if the GPU could not take it.
   */
  async use(dataset: DatasetUpload | null): Promise<string | null> {
    const previous = this.imported;
    this.session()?.dropData();
    this.imported = dataset;
    if (await this.upload()) return null;
    this.session()?.dropData();
    this.imported = previous;
    await this.upload();
    return 'The GPU could not take the images of this data set.';
  }

  /** After a failure: download again, or, if the data is here, try the GPU upload again. */
  async retry(): Promise<void> {
    if (this.mnist) await this.upload();
    else await this.download();
  }

  async download(): Promise<void> {
    if (this.downloading || this.builtIn) return;
    this.downloading = true;
    let failed = false;
    try {
      this.builtIn = await loadMnist(this.dataUrl, (p) => failed || this.emit({ type: 'loading', ...p }));
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

  /** Puts the data on the device once both are there, and says so; false if the GPU refused it. */
  async upload(): Promise<boolean> {
    const { mnist } = this;
    const session = this.session();
    if (!session || session.lost || !mnist || session.train) return true;
    session.scopes.open();
    session.upload(mnist);
    const error = await session.scopes.close();
    if (error) {
      session.dropData();
      this.fail('data', `The GPU could not take the images. ${describeGpuError(error)}`, false);
      return false;
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
    return true;
  }
}
