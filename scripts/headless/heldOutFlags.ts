// train:headless's --validation N (the last N training images held out, measured after each epoch;
// the test set once at the end) and --patience P (Keras's EarlyStopping on the held-out loss, with
// restore_best_weights), checked as the app checks its link: a bad one stops the run, naming it.
import { EarlyStopping, type Sequential } from '../../src/index';

export interface HeldOutFlags {
  validation: number;
  patience: number;
}

function wholeFlag(get: (name: string) => string | null | undefined, name: string, max: number): number {
  const text = get(name);
  if (text == null) return 0;
  const value = Number(text);
  if (text.trim() === '' || !Number.isInteger(value) || value < 0 || value > max)
    throw new Error(`--${name} is a whole number from 0 to ${max}, not ${text}`);
  return value;
}

export function heldOutFlags(get: (name: string) => string | null | undefined): HeldOutFlags {
  return { validation: wholeFlag(get, 'validation', 59999), patience: wholeFlag(get, 'patience', 100) };
}

/** Early stopping in a headless run: the best epoch's weights kept on the CPU, put back at the stop. */
export class HeadlessEarlyStop {
  private readonly rule: EarlyStopping;
  private bestWeights: Float32Array[] | null = null;

  constructor(patience: number) {
    this.rule = new EarlyStopping(patience);
  }

  /** After `epoch` (from 1): true once training must stop, the best weights then back in the model. */
  async afterEpoch(model: Sequential, epoch: number, loss: number): Promise<boolean> {
    const step = this.rule.update(epoch, loss);
    if (step === 'improved') this.bestWeights = await model.getWeights();
    if (step !== 'stop') return false;
    if (this.bestWeights) model.setWeights(this.bestWeights);
    model.stopTraining = true;
    return true;
  }

  get result(): { bestEpoch: number; bestLoss: number; stoppedEpoch: number | null } {
    return { bestEpoch: this.rule.bestEpoch, bestLoss: this.rule.best, stoppedEpoch: this.rule.stoppedEpoch };
  }
}
