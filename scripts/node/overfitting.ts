// npm run train:headless -- --overfitting [--epochs 20 --train 6000 --validation 10000 ...]: the
// "Fight overfitting" preset in Node on Dawn: the model (the book's MLP as a stack, f,d512, unless
// --layers says otherwise) trained each of the preset's ways on the first 6,000 training images,
// measured after each epoch on the last 10,000, then once on the test set. Prints each run's best and
// last validation loss and accuracy, with their epochs (docs/overfitting.md). --way 3 trains only the
// third way (1: plain, 2: Dropout, 3: L2), to measure one run once.
import './installDawn';
import { requestGpuDevice } from '../../src/index';
import { OVERFITTING_LESSON, OVERFITTING_WAYS } from '../../src/page/overfittingPreset';
import { bookRun, bookRunSettings } from '../headless/bookRun';
import { loadMnistFiles } from './mnistFiles';

const args = process.argv.slice(2);
const flags = new Map<string, string>();
for (let i = 0; i < args.length; i += 2) flags.set(args[i].replace(/^--/, ''), args[i + 1]);
const lesson: Record<string, string> = {
  epochs: String(OVERFITTING_LESSON.epochs),
  train: String(OVERFITTING_LESSON.train),
  validation: String(OVERFITTING_LESSON.validation),
  model: 'convnet',
  batch: '128',
  layers: 'f,d512',
};
const flag = (name: string) => flags.get(name) ?? lesson[name] ?? null;

try {
  const gpu = await requestGpuDevice();
  const mnist = await loadMnistFiles(flag('data') ?? process.env.MNIST_DIR ?? 'public/mnist');
  const base = bookRunSettings(flag);
  const results = [];
  const only = flags.get('way');
  const ways = only ? [OVERFITTING_WAYS[Number(only) - 1]] : OVERFITTING_WAYS;
  if (ways.some((way) => !way)) throw new Error(`--way is 1 to ${OVERFITTING_WAYS.length}, not ${only}`);
  for (const way of ways) {
    const settings = { ...base, layers: way(base.layers) };
    const run = await bookRun(settings, gpu, mnist, () => {});
    const epochs = run.history.map((h) => ({
      epoch: h.epoch + 1,
      loss: h.loss,
      valLoss: h.valLoss as number,
      valAccuracy: h.valAccuracy as number,
    }));
    const best = epochs.reduce((a, b) => (b.valLoss < a.valLoss ? b : a));
    const last = epochs[epochs.length - 1];
    const line = (e: (typeof epochs)[number]) =>
      `epoch ${e.epoch}: validation loss ${e.valLoss.toFixed(4)}, accuracy ${e.valAccuracy.toFixed(4)} (training loss ${e.loss.toFixed(4)})`;
    console.log(
      `${settings.layers}: best ${line(best)}; last ${line(last)}; test accuracy ${run.test.accuracy.toFixed(4)}`,
    );
    results.push({
      layers: settings.layers,
      best,
      last,
      test: run.test,
      trainSeconds: run.trainSeconds,
      epochs,
    });
  }
  console.log(JSON.stringify({ adapter: gpu.adapterName, settings: base, results }));
  gpu.device.destroy();
  process.exit(0);
} catch (error) {
  console.error(`overfitting failed: ${error instanceof Error ? `${error.name}: ${error.message}` : error}`);
  process.exit(1);
}
