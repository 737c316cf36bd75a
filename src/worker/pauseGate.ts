// Pause, Resume and Step for a run's fit loop (FitHold): a pause holds fit before its next batch,
// once every batch so far is reported; a step lets exactly one batch through, with a probe, and the
// run stays paused.
import type { BatchProbe, FitHold } from '../nn/sequential';

export class PauseGate {
  private held = false;
  private release: ((probe: BatchProbe | null) => void) | null = null;

  /** A pause was asked for (fit may not have reached the gate yet). */
  get pausing(): boolean {
    return this.held;
  }

  /** fit waits at the gate: paused, with every batch trained so far reported. */
  get waiting(): boolean {
    return this.release !== null;
  }

  pause(): void {
    this.held = true;
  }

  resume(): void {
    this.held = false;
    this.open(null);
  }

  /** One batch through `probe`, staying paused; false unless fit waits at the gate. */
  step(probe: BatchProbe): boolean {
    if (!this.release) return false;
    this.open(probe);
    return true;
  }

  /** What fit asks before each batch. */
  readonly hold: FitHold = {
    requested: () => this.held,
    wait: () =>
      new Promise<BatchProbe | null>((resolve) => {
        this.release = resolve;
      }),
  };

  private open(probe: BatchProbe | null): void {
    const release = this.release;
    this.release = null;
    release?.(probe);
  }
}
