// The worker's Trainer with the user's digits: it keeps the digits the page sends for training, mixes
// them into the runs whose settings say myDigits ("Train on my digits too"), and fine-tunes the
// model answering the pad on them (fineTuner.ts). While a fine-tune runs, no run or sweep starts;
// Stop cancels it.
import type { LabelledBytes } from '../nn/mixedDataset';
import type { FineTuneRequest, TrainingDigits } from '../protocol/myDigits';
import type { Settings } from '../protocol/settings';
import { FineTuner } from './fineTuner';
import type { Run } from './run';
import type { GpuSession } from './session';
import { SpeedrunTrainer } from './speedrunTrainer';

/** Your digits are digits: they mix into MNIST, never into an imported data set's classes. */
const NOT_MNIST =
  'Your digits mix into MNIST only: go back to MNIST first, or turn "Train on my digits too" off.';
const NO_DIGITS =
  '"Train on my digits too" needs some of Your digits kept for training: draw some, or turn the setting off.';

export class MyDigitsTrainer extends SpeedrunTrainer {
  private trainingDigits: LabelledBytes | null = null;
  private fineTuner: FineTuner | null = null;

  setTrainingDigits({ pixels, labels }: TrainingDigits): void {
    this.trainingDigits = labels.length > 0 ? { pixels, labels } : null;
  }

  protected override readyFor(settings: Settings): GpuSession | null {
    if (this.fineTuner) {
      // Said, so that a page waiting for its run to start stops waiting.
      const message = 'A fine-tune is going on: wait for it to end, or cancel it.';
      this.emit({ type: 'error', kind: 'training', message, fatal: false });
      return null;
    }
    if (settings.myDigits === true && this.data?.dataset) {
      this.emit({ type: 'error', kind: 'training', message: NOT_MNIST, fatal: false });
      return null;
    }
    if (settings.myDigits === true && !this.trainingDigits) {
      this.emit({ type: 'error', kind: 'training', message: NO_DIGITS, fatal: false });
      return null;
    }
    return super.readyFor(settings);
  }

  protected override newRun(settings: Settings): Run {
    const run = super.newRun(settings);
    run.extraDigits = this.trainingDigits;
    return run;
  }

  /** Fine-tunes the model answering the pad; if it ends well, the fine-tuned one answers from then on. */
  async fineTune(request: FineTuneRequest): Promise<void> {
    const from = this.current.checkpoint;
    const refuse = (error: string) =>
      this.emit({
        type: 'fineTuned',
        requestId: request.requestId,
        before: null,
        after: null,
        cancelled: false,
        error,
      });
    if (!from?.trained || this.current.epochsTrained() === null)
      return refuse('Fine-tuning starts from a run trained or opened here: train one, or open a saved run.');
    if (this.data?.dataset)
      return refuse('Fine-tuning on your digits works on MNIST: go back to MNIST first.');
    if (!this.trainingDigits) return refuse(NO_DIGITS.replace('"Train on my digits too"', 'Fine-tuning'));
    const session = this.readyFor(from.settings);
    const { mnist } = this;
    if (!session || !mnist) return refuse('Fine-tuning needs the GPU and the data, with no run going on.');
    this.fineTuner = new FineTuner(this.emit);
    try {
      const tuned = await this.fineTuner.run(session, mnist, from, this.trainingDigits, request);
      if (!tuned) return;
      const model = this.current.open(tuned);
      const { settings, epoch } = tuned;
      this.emit({ type: 'loaded', settings, parameterCount: model.parameterCount, epoch });
    } finally {
      this.fineTuner = null;
    }
  }

  override stop(): void {
    super.stop();
    this.fineTuner?.cancel();
  }
}
