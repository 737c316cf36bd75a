// The book's run (chapter 2): 784 -> 512 relu -> 10 softmax, RMSprop (or --optimizer sgd|adam, at
// Keras's default rate for it unless --lr says otherwise, and for SGD --momentum and --nesterov),
// batch 128, shuffled every epoch; then loss and accuracy on all 10,000 test images. With model
// 'convnet', the book's ConvNet (chapter 5 of the first edition, chapter 8 of the third) instead, batch 64 unless given; `layers` (the URL form
// of src/nn/architecture.ts) changes its hidden layers. Shared by the Chromium page (train.ts) and
// Node on Dawn (scripts/node/).
import {
  BOOK_CONVNET,
  buildLayers,
  DEFAULT_LEARNING_RATES,
  Dense,
  DeviceDataset,
  type GpuDevice,
  type LabelledBytes,
  type Mnist,
  OPTIMIZER_KINDS,
  type OptimizerKind,
  optimizerOf,
  Sequential,
  specsFromText,
  splitTraining,
  summarize,
  uploadMixed,
  WebGPUBackend,
  warmUp,
} from '../../src/index';
import { HeadlessEarlyStop, type HeldOutFlags, heldOutFlags } from './heldOutFlags';
import { sgdFlags } from './sgdFlags';

export interface BookRunSettings extends Partial<HeldOutFlags> {
  model: 'dense' | 'convnet';
  layers: string;
  epochs: number;
  batchSize: number;
  optimizer: OptimizerKind;
  /** SGD's momentum (--momentum 0.9) and its Nesterov form (--nesterov 1): Keras's 0 and false unless given. */
  momentum: number;
  nesterov: boolean;
  learningRate: number;
  hidden: number;
  seed: number;
  train: number;
  /** Train on shifted, rotated and scaled images (--augment 1), as the app's setting. */
  augment: boolean;
  /**
   * Mix the user's training digits (bookRun's `userDigits`) into every batch, all augmented
   * (--my-digits 1), as the app's "Train on my digits too".
   */
  myDigits: boolean;
  /** Evaluate the test set after every epoch (--validate 1): a long run that is cut short keeps its figures. */
  validate: boolean;
}

/**
 * The settings from flags named as in the app's URL (epochs, batch, lr, hidden, seed, train, model,
 * layers, augment, optimizer).
 */
export function bookRunSettings(get: (name: string) => string | null | undefined): BookRunSettings {
  const num = (name: string, fallback: number) => Number(get(name) ?? fallback);
  const convnet = get('model') === 'convnet';
  const optimizer = (get('optimizer') ?? 'rmsprop') as OptimizerKind;
  if (!OPTIMIZER_KINDS.includes(optimizer))
    throw new Error(`--optimizer is one of ${OPTIMIZER_KINDS.join(', ')}, not ${optimizer}`);
  return {
    model: convnet ? 'convnet' : 'dense',
    layers: get('layers') ?? '',
    epochs: num('epochs', 5),
    batchSize: num('batch', convnet ? 64 : 128),
    optimizer,
    learningRate: num('lr', DEFAULT_LEARNING_RATES[optimizer]),
    ...sgdFlags(get, optimizer),
    hidden: num('hidden', 512),
    seed: num('seed', 1),
    train: num('train', 60000),
    augment: ['1', 'true'].includes(get('augment') ?? ''),
    validate: ['1', 'true'].includes(get('validate') ?? ''),
    myDigits: ['1', 'true'].includes(get('my-digits') ?? ''),
    ...heldOutFlags(get),
  };
}

/**
 * `probe`, if given, is run on the trained model before it is freed; its result is returned with the
 * rest. `epochProbe`, if given, is run on the model after each epoch (epoch counted from 1).
 */
export async function bookRun<P = undefined>(
  settings: BookRunSettings,
  gpu: GpuDevice,
  mnist: Mnist,
  log: (line: string) => void = console.log,
  probe?: (model: Sequential) => Promise<P>,
  epochProbe?: (model: Sequential, epoch: number) => Promise<void>,
  /** The digits mixed in with settings.myDigits. */
  userDigits?: LabelledBytes,
) {
  const backend = new WebGPUBackend(gpu.device);
  const convnet = settings.model === 'convnet';
  log(`adapter: ${gpu.adapterName}`);
  log(`settings: ${JSON.stringify(settings)}`);
  const split = splitTraining(mnist.train.count, settings.train, settings.validation ?? 0);
  const count = split.trainCount;
  const { validationStart: from, validationCount: held } = split;
  const validation =
    held > 0
      ? DeviceDataset.upload(
          backend,
          mnist.train.pixels.subarray(from * 784, (from + held) * 784),
          mnist.train.labels.subarray(from, from + held),
          784,
        )
      : null;
  const stopping = (settings.patience ?? 0) > 0 ? new HeadlessEarlyStop(settings.patience ?? 0) : null;
  const mnistPart = {
    pixels: mnist.train.pixels.subarray(0, count * 784),
    labels: mnist.train.labels.subarray(0, count),
  };
  const { dataset: train, mix } =
    settings.myDigits && userDigits
      ? uploadMixed(backend, mnistPart, userDigits, 784, settings.batchSize)
      : { dataset: DeviceDataset.upload(backend, mnistPart.pixels, mnistPart.labels, 784), mix: null };
  const test = DeviceDataset.upload(backend, mnist.test.pixels, mnist.test.labels, 784);
  const warmStarted = performance.now();
  await warmUp(backend, 784, settings.batchSize, settings.hidden, { optimizer: settings.optimizer });
  log(
    `warm-up (matmul tuning, pipeline compiles): ${(performance.now() - warmStarted).toFixed(0)} ms -> matmul ${backend.matmulVariant}`,
  );

  const specs = settings.layers ? specsFromText(settings.layers).specs : BOOK_CONVNET;
  if (!specs) throw new Error(`layers=${settings.layers}: ${specsFromText(settings.layers).error}`);
  if (convnet) {
    const summary = summarize(specs);
    for (const l of summary.layers) log(`  ${l.name.padEnd(24)} [${l.outputShape}] ${l.parameters}`);
    log(`  parameters: ${summary.total}`);
  }
  const model = new Sequential(
    convnet
      ? buildLayers(specs)
      : [
          new Dense(settings.hidden, { activation: 'relu', inputShape: [784] }),
          new Dense(10, { activation: 'softmax' }),
        ],
  );
  model.compile({
    backend,
    optimizer: optimizerOf(settings.optimizer ?? 'rmsprop', settings.learningRate, {
      momentum: settings.momentum ?? 0,
      nesterov: settings.nesterov === true,
    }),
    loss: 'categoricalCrossentropy',
    seed: settings.seed,
  });
  try {
    const started = performance.now();
    const history = await model.fit(train, {
      epochs: settings.epochs,
      batchSize: settings.batchSize,
      shuffle: true,
      // The user's few digits are augmented, and so then is the rest of each batch.
      augment: settings.augment || !!mix,
      ...(mix ? { mix } : {}),
      // The validation images when held out; else the test set when asked for, or to stop early on.
      validationData: validation ?? (settings.validate || stopping ? test : undefined),
      logEvery: 50,
      onBatchEnd: (l) =>
        log(
          `  epoch ${l.epoch + 1} batch ${l.batch}/${l.batches}: loss ${l.epochLoss.toFixed(4)} acc ${l.epochAccuracy.toFixed(4)}`,
        ),
      onEpochEnd: async (l) => {
        log(
          `epoch ${l.epoch + 1}/${settings.epochs}: loss ${l.loss.toFixed(4)} accuracy ${l.accuracy.toFixed(4)} time ${l.seconds.toFixed(1)} s (${((l.seconds * 1000 * settings.batchSize) / count).toFixed(1)} ms/step)${l.valAccuracy === undefined ? '' : `; ${validation ? 'validation' : 'test'} loss ${l.valLoss?.toFixed(4)} accuracy ${l.valAccuracy.toFixed(4)}`}`,
        );
        await epochProbe?.(model, l.epoch + 1);
        if (stopping && l.valLoss !== undefined && (await stopping.afterEpoch(model, l.epoch + 1, l.valLoss)))
          log(
            `early stopping after epoch ${l.epoch + 1}: back to epoch ${stopping.result.bestEpoch}'s weights`,
          );
      },
    });
    const trainSeconds = (performance.now() - started) / 1000;
    const evalStarted = performance.now();
    const evaluation = await model.evaluate(test);
    const evalSeconds = (performance.now() - evalStarted) / 1000;
    log(
      `test: loss ${evaluation.loss.toFixed(4)} accuracy ${evaluation.accuracy.toFixed(4)} (${evalSeconds.toFixed(2)} s)`,
    );
    const probed = await probe?.(model);
    return {
      probe: probed,
      adapter: gpu.adapterName,
      settings,
      history,
      trainSeconds,
      test: evaluation,
      testSeconds: evalSeconds,
      matmulVariant: backend.matmulVariant,
      ...(stopping ? { earlyStopping: stopping.result } : {}),
    };
  } finally {
    model.dispose();
    train.dispose();
    test.dispose();
    validation?.dispose();
  }
}
