// The TF.js and PyTorch programs' lines for the held-out images and early stopping, as the Keras
// program has them (kerasHeldOut.ts): the validation images cut from the end of the training set and
// measured after each epoch, the test set once at the end; early stopping on the held-out loss that
// goes back to the best epoch's weights. TF.js's tf.callbacks.earlyStopping cannot go back (its
// restoreBestWeights throws NotImplementedError), so the TF.js program keeps the weights itself.
import { type Settings, TRAINING_SET, trainingImages } from '../../protocol/settings';

const held = (settings: Settings) => ({
  validation: settings.validation ?? 0,
  patience: settings.patience ?? 0,
  train: trainingImages(settings),
});

const VALIDATION_COMMENT = (n: number, comment: string) => [
  `${comment} Validation: the last ${n.toLocaleString('en-US')} training images, held out and never trained on`,
  `${comment} (Keras's validation_split takes the last ones too). The test set waits for the end.`,
];

/** TF.js: the training images, and the validation images cut from the end of the training set. */
export function tfjsTrainingData(settings: Settings): string[] {
  const { validation, train } = held(settings);
  const files = "'train-images-idx3-ubyte.gz', 'train-labels-idx1-ubyte.gz'";
  if (validation === 0) return [`const train = await loadMnist(${files}, ${train});`];
  return [
    ...VALIDATION_COMMENT(validation, '//'),
    `const all = await loadMnist(${files}, ${TRAINING_SET});`,
    `const train = { images: all.images.slice(0, ${train}), labels: all.labels.slice(0, ${train}) };`,
    `const validation = { images: all.images.slice(${TRAINING_SET - validation}), labels: all.labels.slice(${TRAINING_SET - validation}) };`,
  ];
}

/** TF.js: the early-stopping callback, defined before the fit that uses it (none without patience). */
export function tfjsEarlyStopping(settings: Settings): string[] {
  const { patience } = held(settings);
  if (patience === 0) return [];
  return [
    `// Early stopping as Keras's EarlyStopping(monitor="val_loss", patience=${patience}, restore_best_weights=True).`,
    "// TF.js's tf.callbacks.earlyStopping cannot go back to the best weights, so this callback keeps them.",
    'const best = { loss: Infinity, epoch: 0, weights: [] };',
    'let wait = 0;',
    'const earlyStopping = {',
    '  onEpochEnd: async (epoch, logs) => {',
    '    if (logs.val_loss < best.loss) {',
    '      best.weights.forEach((w) => w.dispose());',
    '      const weights = model.getWeights().map((w) => w.clone());',
    '      Object.assign(best, { loss: logs.val_loss, epoch: epoch + 1, weights });',
    '      wait = 0;',
    `    } else if (++wait >= ${patience}) {`,
    '      model.stopTraining = true;',
    '      if (best.epoch > 0) model.setWeights(best.weights);',
    "      console.log('early stopping after epoch', epoch + 1, '- back to the weights of epoch', best.epoch);",
    '    }',
    '  },',
    '};',
    '',
  ];
}

/** TF.js: the fit's validation data and callbacks. */
export function tfjsFitLines(settings: Settings): string[] {
  const { validation, patience } = held(settings);
  return [
    validation > 0
      ? '  validationData: [validation.images, validation.labels], // the validation curve on screen'
      : '  validationData: [test.images, test.labels], // the test curve on screen',
    ...(patience > 0 ? ['  callbacks: [earlyStopping],'] : []),
  ];
}

/** PyTorch: the constants for the held-out images and early stopping. */
export function torchHeldOutConstants(settings: Settings): string[] {
  const { validation, patience } = held(settings);
  return [
    ...(validation > 0 ? [`VALIDATION_IMAGES = ${validation}`] : []),
    ...(patience > 0 ? [`PATIENCE = ${patience}`] : []),
  ];
}

/** PyTorch: the training images, and the validation images cut from the end of the training set. */
export function torchTrainingData(settings: Settings): string[] {
  const { validation } = held(settings);
  if (validation === 0)
    return ['    train_images, train_labels = load_mnist(args.data, "train", TRAIN_IMAGES)'];
  return [
    ...VALIDATION_COMMENT(validation, '    #'),
    `    all_images, all_labels = load_mnist(args.data, "train", ${TRAINING_SET})`,
    '    train_images, train_labels = all_images[:TRAIN_IMAGES], all_labels[:TRAIN_IMAGES]',
    '    val_images, val_labels = all_images[-VALIDATION_IMAGES:], all_labels[-VALIDATION_IMAGES:]',
  ];
}

/**
 * PyTorch: the epochs, each measured on the held-out images (the validation images, else the test
 * set), early stopping keeping the best epoch's state_dict, and the test set once at the end.
 */
export function torchEpochLoop(settings: Settings): string[] {
  const { validation, patience } = held(settings);
  const [name, v] = validation > 0 ? ['validation', 'val'] : ['test', 'test'];
  const stopping = patience > 0;
  return [
    ...(stopping
      ? [
          `    # Early stopping as Keras's EarlyStopping(monitor="val_loss", patience=PATIENCE,`,
          "    # restore_best_weights=True): the best epoch's weights are kept, and put back when it stops.",
          '    best_loss, best_epoch, best_state, wait = float("inf"), 0, None, 0',
        ]
      : []),
    '    for epoch in range(1, args.epochs + 1):',
    '        loss, accuracy = train_epoch(model, optimizer, train_images, train_labels, generator)',
    `        ${v}_loss, ${v}_accuracy = evaluate(model, ${v}_images, ${v}_labels)`,
    '        print(',
    '            f"epoch {epoch}: loss {loss:.4f}, accuracy {accuracy:.4f},"',
    `            f" ${name} loss {${v}_loss:.4f}, ${name} accuracy {${v}_accuracy:.4f}"`,
    '        )',
    ...(stopping
      ? [
          `        if ${v}_loss < best_loss:`,
          `            best_loss, best_epoch, wait = ${v}_loss, epoch, 0`,
          '            best_state = {key: value.clone() for key, value in model.state_dict().items()}',
          '            continue',
          '        wait += 1',
          '        if wait >= PATIENCE:',
          '            if best_state is not None:',
          '                model.load_state_dict(best_state)',
          `            print(f"early stopping after epoch {epoch}: back to epoch {best_epoch}'s weights")`,
          '            break',
        ]
      : []),
    ...(validation > 0 || stopping
      ? [
          '    # The test set, once, at the end: on the weights the run ends with.',
          '    test_loss, test_accuracy = evaluate(model, test_images, test_labels)',
          '    print(f"at the end: test loss {test_loss:.4f}, test accuracy {test_accuracy:.4f}")',
        ]
      : []),
  ];
}
