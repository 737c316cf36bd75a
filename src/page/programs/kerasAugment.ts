// The Keras program's augmentation, as the book adds it (Deep Learning with Python, chapter 8): random
// transform layers at the model's start, active in fit only, as the app's augmented batch gather is.
// The app moves each training image by up to 2 px in x and in y, 10 degrees and 10% in scale
// (src/backend/augmentation.ts; the PyTorch program's augment() says the same); Keras's layers take
// these as fractions: of the side for the shift, of a full turn for the rotation. Keras draws other
// random numbers and applies the three one after another, where the app samples once through one
// transform: the same kind and range of movement, not the same images.
import { IMAGE_SIDE } from '../../data/mnist';

/** The ranges, as the app's DEFAULT_AUGMENT (a unit test holds them equal). */
export const KERAS_AUGMENT = { shiftPixels: 2, rotationDegrees: 10, scale: 0.1 } as const;

/** The model's first layers for an augmented run, on (28, 28, 1) images; `flat`: an MLP's Flatten after them. */
export function kerasAugmentLayers(flat: boolean): string[] {
  const { shiftPixels: px, rotationDegrees: degrees, scale } = KERAS_AUGMENT;
  return [
    `        # The app's augmentation, in training only: up to ${px} px, ${degrees} degrees, ${scale * 100}% in scale.`,
    `        layers.RandomTranslation(${px} / ${IMAGE_SIDE}, ${px} / ${IMAGE_SIDE}, fill_mode="constant"),`,
    `        layers.RandomRotation(${degrees} / 360, fill_mode="constant"),`,
    `        layers.RandomZoom(${scale}, fill_mode="constant"),`,
    ...(flat ? ['        layers.Flatten(),'] : []),
  ];
}
