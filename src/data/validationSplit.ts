// Keras's validation_split on the training images: the last `validation` of them are held out, never
// trained on, and measure the model after each epoch; training uses the first `train` of the rest.
// The test set stays untouched until the end, so no choice made during training is tuned on it.

export interface TrainingSplit {
  /** Images trained on: [0, trainCount). */
  trainCount: number;
  /** Images held out: [validationStart, validationStart + validationCount); none when 0. */
  validationStart: number;
  validationCount: number;
}

/** The split of `total` training images; throws when nothing would be left to train on. */
export function splitTraining(total: number, train: number, validation: number): TrainingSplit {
  if (!(validation >= 0 && validation < total))
    throw new Error(
      `Validation images must be fewer than the ${total.toLocaleString('en-US')} training images, got ${validation}.`,
    );
  return {
    trainCount: Math.min(train, total - validation),
    validationStart: total - validation,
    validationCount: validation,
  };
}
