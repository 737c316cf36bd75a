// The images a run trains on: MNIST's first `train`, short of the validation images held out at the
// end, with the user's training digits mixed into every batch when the settings say myDigits.
import { type Mnist, PIXELS } from '../data/mnist';
import { splitTraining } from '../data/validationSplit';
import type { DeviceDataset } from '../nn/dataset';
import { type LabelledBytes, uploadMixed } from '../nn/mixedDataset';
import { extraRowsPerBatch, type Mix, mixedBatchCount } from '../nn/mixedOrder';
import type { Settings } from '../protocol/settings';
import type { GpuSession } from './session';

export interface RunImages {
  /** MNIST images trained on. */
  images: number;
  /** The user's digits, when mixed in, and how many of them go into each batch. */
  extra: LabelledBytes | null;
  perBatch: number;
  /** Batches in an epoch. */
  batches: number;
}

export function planRunImages(
  settings: Settings,
  mnist: Mnist,
  extraDigits: LabelledBytes | null,
): RunImages {
  const images = splitTraining(mnist.train.count, settings.train, settings.validation ?? 0).trainCount;
  const extra = settings.myDigits === true ? extraDigits : null;
  const perBatch = extra ? extraRowsPerBatch(settings.batchSize, extra.labels.length) : 0;
  const batches =
    perBatch > 0
      ? mixedBatchCount(images, settings.batchSize, perBatch)
      : Math.ceil(images / settings.batchSize);
  return { images, extra: perBatch > 0 ? extra : null, perBatch, batches };
}

/** The plan's images on the device, and the mix that fit() draws batches with (null: MNIST alone). */
export function uploadRunImages(
  session: GpuSession,
  mnist: Mnist,
  plan: RunImages,
  batchSize: number,
): { data: DeviceDataset; mix: Mix | null } {
  const { images, extra } = plan;
  if (!extra) return { data: session.trainingData(mnist, images), mix: null };
  const mnistPart = {
    pixels: mnist.train.pixels.subarray(0, images * PIXELS),
    labels: mnist.train.labels.subarray(0, images),
  };
  const { dataset, mix } = uploadMixed(session.backend, mnistPart, extra, PIXELS, batchSize);
  return { data: dataset, mix };
}
