// Fine-tune: a copy of the model answering the pad (from its checkpoint: weights and optimizer
// state) trains a few hundred steps on MNIST with the user's training digits mixed in
// (nn/fineTune.ts), measured before and after on the user's test digits and on MNIST's test set.
// The copy replaces the answering model only when it finished with finite weights: a cancelled or
// failed fine-tune loses nothing.
import { type Mnist, PIXELS } from '../data/mnist';
import type { DeviceDataset } from '../nn/dataset';
import { fineTune } from '../nn/fineTune';
import { uploadMixed } from '../nn/mixedDataset';
import type { Sequential } from '../nn/sequential';
import type { DigitBytes, FineTuneRequest, FineTuneScores } from '../protocol/myDigits';
import type { Checkpoint, FromWorker } from '../protocol/protocol';
import { restoreCheckpoint } from './checkpoint';
import { buildModel, EVAL_BATCH } from './model';
import { takeFiniteCheckpoint } from './runFailures';
import type { GpuSession } from './session';

/** How many of `digits` the model reads right. */
async function digitsCorrect(model: Sequential, digits: DigitBytes): Promise<number> {
  if (digits.labels.length === 0) return 0;
  const probabilities = await model.predict(Float32Array.from(digits.pixels, (v) => v / 255));
  let correct = 0;
  for (const [i, label] of digits.labels.entries()) {
    const row = Array.from(probabilities.subarray(i * 10, (i + 1) * 10));
    if (row.indexOf(Math.max(...row)) === label) correct++;
  }
  return correct;
}

export class FineTuner {
  private model: Sequential | null = null;
  private cancelled = false;

  constructor(private readonly emit: (message: FromWorker) => void) {}

  /** Ends the fine-tune after its current step; the answering model stays as it was. */
  cancel(): void {
    this.cancelled = true;
    if (this.model) this.model.stopTraining = true;
  }

  /** The fine-tuned model's checkpoint, or null (cancelled, failed: 'fineTuned' said why). */
  async run(
    session: GpuSession,
    mnist: Mnist,
    from: Checkpoint,
    training: DigitBytes,
    request: FineTuneRequest,
  ): Promise<Checkpoint | null> {
    const { requestId, steps, test } = request;
    const { settings } = from;
    const report = (before: FineTuneScores | null, after: FineTuneScores | null, error: string | null) =>
      this.emit({ type: 'fineTuned', requestId, before, after, cancelled: this.cancelled, error });
    const model = buildModel(session.backend, settings);
    this.model = model;
    let data: DeviceDataset | null = null;
    let before: FineTuneScores | null = null;
    session.scopes.open();
    try {
      restoreCheckpoint(session.backend, model, from);
      const scores = async (): Promise<FineTuneScores> => ({
        digitsCorrect: await digitsCorrect(model, test),
        digitsTotal: test.labels.length,
        mnistAccuracy: (await model.evaluate(session.test as DeviceDataset, { batchSize: EVAL_BATCH }))
          .accuracy,
      });
      before = await scores();
      const images = Math.min(settings.train, mnist.train.count);
      const main = {
        pixels: mnist.train.pixels.subarray(0, images * PIXELS),
        labels: mnist.train.labels.subarray(0, images),
      };
      const mixed = uploadMixed(session.backend, main, training, PIXELS, settings.batchSize);
      data = mixed.dataset;
      if (!mixed.mix)
        throw new Error('Fine-tuning needs batches of at least 2 and some of your digits for training.');
      const mix = mixed.mix;
      this.emit({ type: 'fineTuneProgress', requestId, step: 0, steps });
      const taken = await fineTune(model, data, {
        steps,
        batchSize: settings.batchSize,
        mix,
        epoch: from.epoch,
        onBatchEnd: (logs) => {
          if (!Number.isFinite(logs.epochLoss)) model.stopTraining = true;
          this.emit({ type: 'fineTuneProgress', requestId, step: Math.min(logs.batch, steps), steps });
        },
      });
      const error = await session.scopes.close();
      session.scopes.open();
      if (error) throw new Error(`The GPU reported an error: ${error.message}`);
      if (this.cancelled) {
        report(before, null, null);
        return null;
      }
      const checkpoint = await takeFiniteCheckpoint(model, settings, from.epoch, from.epoch + 1);
      const after = await scores();
      this.emit({ type: 'fineTuneProgress', requestId, step: taken, steps });
      report(before, after, null);
      return { ...checkpoint, rateChanges: from.rateChanges ?? [] };
    } catch (error) {
      report(before, null, `The fine-tune failed, and the model is as it was: ${(error as Error).message}`);
      return null;
    } finally {
      await session.scopes.close();
      data?.dispose();
      model.dispose();
      this.model = null;
    }
  }
}
