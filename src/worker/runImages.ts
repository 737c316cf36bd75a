// The images a run trains on: the first of MNIST's, or (settings.myDigits, with the user's training
// digits here) those with the digits after them, mixed into every batch (src/nn/mixedOrder.ts); and
// how many batches an epoch then has.
import { type Mnist, PIXELS } from '../data/mnist';
import type { DeviceDataset } from '../nn/dataset';
import { type LabelledBytes, uploadMixed } from '../nn/mixedDataset';
import { extraRowsPerBatch, type Mix, mixedBatchCount } from '../nn/mixedOrder';
import type { Settings } from '../protocol/settings';
import type { GpuSession } from './session';

export interface RunImages {
  /** Batches an epoch. */
  batches: number;
  /** Puts them on the device (once a run): the dataset, and the mix fit() takes, if any. */
  upload: () => { data: DeviceDataset; mix: Mix | null };
}

export function runImages(
  session: GpuSession,
  mnist: Mnist,
  settings: Settings,
  images: number,
  digits: LabelledBytes | null,
): RunImages {
  const extra = settings.myDigits === true ? digits : null;
  const perBatch = extra ? extraRowsPerBatch(settings.batchSize, extra.labels.length) : 0;
  if (!extra || perBatch === 0)
    return {
      batches: Math.ceil(images / settings.batchSize),
      upload: () => ({ data: session.trainingData(mnist, images), mix: null }),
    };
  const main = {
    pixels: mnist.train.pixels.subarray(0, images * PIXELS),
    labels: mnist.train.labels.subarray(0, images),
  };
  return {
    batches: mixedBatchCount(images, settings.batchSize, perBatch),
    upload: () => {
      const { dataset, mix } = uploadMixed(session.backend, main, extra, PIXELS, settings.batchSize);
      return { data: dataset, mix };
    },
  };
}
