// A lost device, and the way back: the loss is reported (with the last checkpoint's epoch), a run
// going on is ended and marked interrupted, and recover() opens a new device on which the
// interrupted run goes on from its last checkpoint (the Trainer rebuilds the model there).
import type { Checkpoint, FromWorker } from '../protocol/protocol';
import { LOSS_GRACE_MS } from './currentModel';
import type { Run } from './run';
import type { GpuSession } from './session';

/** What recovery needs of the Trainer. */
export interface RecoveryHost {
  session(): GpuSession | null;
  run(): Run | null;
  /** A new device, the model on it (from the last checkpoint), then the data. */
  openSession(): Promise<void>;
  /** The last checkpoint taken off the GPU. */
  checkpoint(): Checkpoint | null;
  /** Goes on training `run` from `epoch`, with the model the new session rebuilt. */
  resume(run: Run, epoch: number): Promise<void>;
  fail(message: string): void;
}

export class Recovery {
  /** True while a new device is being set up: no run or sweep may start. */
  recovering = false;
  private lostMessage = '';

  constructor(
    private readonly emit: (message: FromWorker) => void,
    private readonly host: RecoveryHost,
  ) {}

  /** The device is gone. A run going on reports the loss itself when it ends (interrupt). */
  onLost(message: string): void {
    this.lostMessage = message;
    const run = this.host.run();
    if (run) {
      // fit() fails at its next readback, or ends at this flag; either way the run reports the loss
      // when it ends (Trainer.endStretch), as an interrupted run.
      run.endSoon();
      return;
    }
    this.reportLost(false);
  }

  /**
   * Whether a stretch of `run` ended because the device was lost (a failure followed by the loss
   * within LOSS_GRACE_MS counts too). The run is then interrupted: it goes on after recover(), from
   * the last checkpoint.
   */
  async endedByLoss(session: GpuSession, run: Run, failure: unknown): Promise<boolean> {
    if (!session.lost && !(failure && (await session.lostWithin(LOSS_GRACE_MS)))) return false;
    run.interrupted = true;
    run.model = run.data = null;
    this.reportLost(true);
    return true;
  }

  private reportLost(interrupted: boolean): void {
    this.emit({
      type: 'lost',
      message: `The GPU device was lost (${this.lostMessage.replace(/\.$/, '')}).`,
      checkpointEpoch: this.host.checkpoint()?.epoch ?? null,
      interrupted,
    });
  }

  /** A new device, the last checkpoint on it, and an interrupted run goes on from there. */
  async recover(): Promise<void> {
    const lost = this.host.session();
    if (!lost?.lost || this.recovering) return;
    this.recovering = true;
    this.emit({ type: 'recovering' });
    try {
      lost.destroy();
      await this.host.openSession();
    } catch (error) {
      this.host.fail(`No new GPU device: ${(error as Error).message} Try again, or reload the page.`);
      return;
    } finally {
      this.recovering = false;
    }
    const run = this.host.run();
    if (!run?.interrupted) return;
    run.interrupted = false;
    const checkpoint = this.host.checkpoint();
    const from = checkpoint?.settings === run.settings ? checkpoint.epoch : 0;
    this.emit({ type: 'restored', epoch: from });
    await this.host.resume(run, from);
  }
}
