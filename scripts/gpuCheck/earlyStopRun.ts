// gpu:check's section 'convnetStop': the book's ConvNet with early stopping (Keras's EarlyStopping,
// patience 1, restore_best_weights) on the full training set, the test loss monitored as the book's
// run has no validation images (#30, docs/overfitting.md). Up to 20 epochs: about a minute on a GPU,
// many hours on a CPU adapter (so --quick leaves it out). Its row: the epoch it stopped after, the
// epoch it kept, and the test accuracy of the kept weights.
import type { GpuDevice, Mnist } from '../../src/index';
import { bookRun, bookRunSettings } from '../headless/bookRun';
import type { EarlyStopReport } from './earlyStopReport';

/** --stop-epochs (20), --stop-layers (the book's), --stop-lr, --stop-test and --train, for a tiny test run. */
export async function earlyStopRun(
  gpu: GpuDevice,
  mnist: Mnist,
  flags: Map<string, string>,
  log: (line: string) => void,
): Promise<EarlyStopReport> {
  const given: Record<string, string | undefined> = {
    model: 'convnet',
    epochs: flags.get('stop-epochs') ?? '20',
    train: flags.get('train') ?? '60000',
    layers: flags.get('stop-layers'),
    lr: flags.get('stop-lr'),
    patience: '1',
  };
  const settings = bookRunSettings((name) => given[name]);
  // --stop-test N (tests only): the first N test images, so a tiny run on a CPU adapter stays short.
  const tests = Math.min(Number(flags.get('stop-test') ?? mnist.test.count), mnist.test.count);
  const { pixels, labels } = mnist.test;
  const test = {
    ...mnist.test,
    count: tests,
    pixels: pixels.subarray(0, tests * 784),
    labels: labels.subarray(0, tests),
  };
  const run = await bookRun(settings, gpu, { train: mnist.train, test }, log);
  const testLosses = run.history.map((h) => h.valLoss as number);
  return {
    epochs: settings.epochs,
    train: settings.train,
    patience: settings.patience,
    layers: settings.layers || 'c32,p,c64,p,c64,f,d64',
    testLosses,
    keptEpoch: run.earlyStopping?.bestEpoch,
    stoppedEpoch: run.earlyStopping?.stoppedEpoch ?? null,
    test: run.test,
    trainSeconds: run.trainSeconds,
  };
}
