// Fine-tuning on the user's digits: a short stretch of training (a few hundred steps, not epochs)
// that goes on from the weights and optimizer state a model has, on MNIST with the user's digits
// mixed into every batch (mixedOrder.ts), augmented so that a few drawings are not memorised.

import type { BatchLogs } from '../protocol/reports';
import type { DeviceDataset } from './dataset';
import type { Mix } from './mixedOrder';
import type { Sequential } from './sequential';

export { FINE_TUNE_STEPS } from '../protocol/myDigits';

export interface FineTuneOptions {
  steps: number;
  batchSize: number;
  mix: Mix;
  /** The epoch whose seeded order (and augmentation) it uses: the one after the model's last. */
  epoch: number;
  /** Metrics reports, as fit() makes them (batches counted from the start of the fine-tune). */
  onBatchEnd?: (logs: BatchLogs) => void | Promise<void>;
}

/**
 * Trains `model` for `steps` batches of `data` (fewer if `model.stopTraining` is set meanwhile:
 * cancelled); resolves with the steps taken.
 */
export async function fineTune(
  model: Sequential,
  data: DeviceDataset,
  options: FineTuneOptions,
): Promise<number> {
  const { steps, batchSize, mix, epoch } = options;
  let taken = 0;
  const first = epoch * Math.ceil((data.count - mix.count) / (batchSize - mix.perBatch));
  await model.fit(data, {
    epochs: epoch + 1,
    initialEpoch: epoch,
    batchSize,
    shuffle: true,
    augment: true,
    mix,
    logEvery: 10,
    // Held, then ended, exactly at the last step: fit asks before each batch.
    hold: {
      requested: (step) => {
        taken = step - first;
        if (taken >= steps) model.stopTraining = true;
        return model.stopTraining;
      },
      wait: async () => null,
    },
    onBatchEnd: options.onBatchEnd,
  });
  return taken;
}
