// The worker's Trainer with the Speedrun preset (speedrun.ts): while a speedrun runs, no run or
// sweep starts (readyFor says not ready), and Stop ends it at its next evaluation.
import type { UseDatasetRequest } from '../protocol/dataset';
import type { Settings } from '../protocol/settings';
import { DEFAULT_SETTINGS } from '../protocol/settings';
import { type SpeedrunRequest, speedrunRefused } from '../protocol/speedrun';
import type { GpuSession } from './session';
import { Speedrunner } from './speedrun';
import { Trainer } from './trainer';

export class SpeedrunTrainer extends Trainer {
  private speedrunner: Speedrunner | null = null;

  protected override readyFor(settings: Settings): GpuSession | null {
    return this.speedrunner ? null : super.readyFor(settings);
  }

  /** Times the speedrun recipe on a throwaway model; refused, and said so, while the device is busy. */
  async speedrun(request: SpeedrunRequest): Promise<void> {
    const session = this.readyFor(DEFAULT_SETTINGS);
    const { mnist } = this;
    if (!session || !mnist) {
      const error = 'The speedrun needs the GPU and the data, with no run going on.';
      this.emit(speedrunRefused(this.session?.adapterName ?? '', error));
      return;
    }
    this.speedrunner = new Speedrunner(this.emit);
    try {
      await this.speedrunner.run(session, mnist, request);
    } finally {
      this.speedrunner = null;
    }
  }

  override changeDataset(request: UseDatasetRequest): Promise<void> {
    return super.changeDataset(request, this.speedrunner !== null);
  }

  override stop(): void {
    super.stop();
    this.speedrunner?.stop();
  }
}
