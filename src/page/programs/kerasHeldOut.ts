// The Keras program's lines for the held-out images and early stopping: validation images cut from
// the end of the training set (validation_data, as validation_split would take them: the last ones),
// and the EarlyStopping callback on the loss the curves show.
import type { Settings } from '../../protocol/settings';

const TRAINING_SET = 60000;

/** The training images the run trains on (the first of those not held out). */
export function kerasTrainCount(settings: Settings): number {
  return Math.min(settings.train, TRAINING_SET - (settings.validation ?? 0));
}

/** Before the training images are cut to the first ones: the validation images, from the end. */
export function kerasValidationCut(settings: Settings): string[] {
  const n = settings.validation ?? 0;
  if (n === 0) return [];
  return [
    `# Validation: the last ${n.toLocaleString('en-US')} training images, held out and never trained on`,
    '# (validation_split takes the last ones too). The test set waits for the end.',
    `val_images, val_labels = train_images[-${n}:], train_labels[-${n}:]`,
  ];
}

/** The validation images scaled and shaped as the training images are. */
export function kerasValidationPrep(settings: Settings, reshape: (count: string) => string): string[] {
  const n = settings.validation ?? 0;
  if (n === 0) return [];
  return [
    `val_images = val_images.reshape(${reshape(String(n))}).astype("float32") / 255`,
    'val_labels = to_categorical(val_labels)',
  ];
}

/** The fit call's validation data and callbacks. */
export function kerasFitLines(settings: Settings): string[] {
  const validated = (settings.validation ?? 0) > 0;
  const patience = settings.patience ?? 0;
  return [
    validated
      ? '    validation_data=(val_images, val_labels),'
      : '    validation_data=(test_images, test_labels),',
    ...(patience > 0
      ? [
          '    callbacks=[',
          '        keras.callbacks.EarlyStopping(',
          `            monitor="val_loss", patience=${patience}, restore_best_weights=True`,
          '        )',
          '    ],',
        ]
      : []),
  ];
}
