// npm run train:headless -- --my-digits-figures [--epochs 1 ...]: the 60 hand-drawn digits of
// tests/fixtures/drawnDigits.json as the user's digits, split as the app splits them (every fifth
// drawing of each digit kept for testing: 10 test, 50 training), preprocessed as the pad does
// (strokesToMnist) and stored as bytes. In Node on Dawn, the default run (the book's MLP) trained
// three ways: on MNIST alone, on augmented MNIST alone (the control: "my digits too" augments every
// batch), and with "my digits too"; then the first fine-tuned for FINE_TUNE_STEPS steps on MNIST
// with the training drawings. Each: its accuracy on the 10 test drawings and on MNIST's test set
// (docs/your-digits.md).
import './installDawn';
import { strokesToMnist } from '../../src/data/strokes';
import { TEST_EVERY } from '../../src/data/testSplit';
import {
  DeviceDataset,
  extraRowsPerBatch,
  FINE_TUNE_STEPS,
  fineTune,
  type LabelledBytes,
  requestGpuDevice,
  type Sequential,
  uploadMixed,
} from '../../src/index';
import { SIZE } from '../../src/ui/drawing';
import { drawnDigits, mouseSteps } from '../../tests/cases/drawnStrokes';
import { bookRun, bookRunSettings } from '../headless/bookRun';
import { loadMnistFiles } from './mnistFiles';

const args = process.argv.slice(2);
const flags = new Map<string, string>();
for (let i = 0; i < args.length; i += 2) flags.set(args[i].replace(/^--/, ''), args[i + 1]);
const flag = (name: string) => flags.get(name) ?? null;

const PIXELS = 784;
const PAD = { width: SIZE, height: SIZE };

/** The drawings as the app keeps them: 784 bytes each, and which are kept for testing. */
function userDigits(): { train: LabelledBytes; test: LabelledBytes } {
  const drawn = new Map<number, number>();
  const parts = { train: [] as number[], test: [] as number[] };
  const images = drawnDigits.map((d, i) => {
    const count = (drawn.get(d.label) ?? 0) + 1;
    drawn.set(d.label, count);
    (count % TEST_EVERY === 0 ? parts.test : parts.train).push(i);
    const input = strokesToMnist(
      d.strokes.map((s) => mouseSteps(s, 6)),
      PAD,
    ) as Float32Array;
    return Uint8Array.from(input, (v) => Math.round(Math.min(1, Math.max(0, v)) * 255));
  });
  const bytes = (indexes: number[]): LabelledBytes => {
    const pixels = new Uint8Array(indexes.length * PIXELS);
    for (const [k, i] of indexes.entries()) pixels.set(images[i], k * PIXELS);
    return { pixels, labels: Uint8Array.from(indexes, (i) => drawnDigits[i].label) };
  };
  return { train: bytes(parts.train), test: bytes(parts.test) };
}

/** How many of the test drawings the model reads right, and its misreadings. */
async function readTest(model: Sequential, test: LabelledBytes) {
  const probabilities = await model.predict(Float32Array.from(test.pixels, (v) => v / 255));
  const mistakes: string[] = [];
  let correct = 0;
  for (const [i, label] of test.labels.entries()) {
    const row = Array.from(probabilities.subarray(i * 10, (i + 1) * 10));
    const guess = row.indexOf(Math.max(...row));
    if (guess === label) correct++;
    else mistakes.push(`${label}→${guess}`);
  }
  return { correct, count: test.labels.length, mistakes };
}

try {
  const gpu = await requestGpuDevice();
  const mnist = await loadMnistFiles(flag('data') ?? process.env.MNIST_DIR ?? 'public/mnist');
  const digits = userDigits();
  console.log(
    `user digits: ${digits.train.labels.length} for training, ${digits.test.labels.length} for testing`,
  );
  const base = { ...bookRunSettings(flag), validate: false };
  const results: Record<string, unknown>[] = [];
  const report = (
    name: string,
    drawn: Awaited<ReturnType<typeof readTest>>,
    accuracy: number,
    extra = {},
  ) => {
    console.log(
      `${name}: test drawings ${drawn.correct}/${drawn.count} (${drawn.mistakes.join(' ') || 'no mistakes'}), MNIST test accuracy ${accuracy.toFixed(4)}`,
    );
    results.push({ name, ...drawn, mnistTest: accuracy, ...extra });
  };
  const ways = [
    { name: 'MNIST alone', augment: false, myDigits: false, fineTune: true },
    { name: 'augmented MNIST alone', augment: true, myDigits: false, fineTune: false },
    { name: 'my digits too', augment: false, myDigits: true, fineTune: false },
  ];
  for (const way of ways) {
    const settings = { ...base, augment: way.augment, myDigits: way.myDigits };
    const log = (line: string) => line.startsWith('epoch') && console.log(`  ${way.name}: ${line}`);
    const run = await bookRun(
      settings,
      gpu,
      mnist,
      log,
      async (model) => {
        const read = await readTest(model, digits.test);
        if (!way.fineTune) return { read };
        // Fine-tuned from the trained model: its weights and optimizer state, on MNIST and the drawings.
        const backend = model.backend;
        const count = Math.min(settings.train, mnist.train.count);
        const { dataset, mix } = uploadMixed(
          backend,
          {
            pixels: mnist.train.pixels.subarray(0, count * PIXELS),
            labels: mnist.train.labels.subarray(0, count),
          },
          digits.train,
          PIXELS,
          settings.batchSize,
        );
        const test = DeviceDataset.upload(backend, mnist.test.pixels, mnist.test.labels, PIXELS);
        try {
          if (!mix) throw new Error('no mix');
          const started = performance.now();
          const steps = await fineTune(model, dataset, {
            steps: FINE_TUNE_STEPS,
            batchSize: settings.batchSize,
            mix,
            epoch: settings.epochs,
          });
          const seconds = (performance.now() - started) / 1000;
          return {
            read,
            fineTuned: await readTest(model, digits.test),
            test: await model.evaluate(test),
            steps,
            seconds,
          };
        } finally {
          dataset.dispose();
          test.dispose();
        }
      },
      undefined,
      digits.train,
    );
    const probe = run.probe as { read: Awaited<ReturnType<typeof readTest>> } & Record<string, unknown>;
    const steps =
      run.history.length *
      Math.ceil(
        Math.min(settings.train, mnist.train.count) /
          (settings.batchSize -
            (way.myDigits ? extraRowsPerBatch(settings.batchSize, digits.train.labels.length) : 0)),
      );
    const msPerStep = (run.trainSeconds * 1000) / steps;
    console.log(`  ${way.name}: ${steps} steps, ${msPerStep.toFixed(1)} ms a step`);
    report(way.name, probe.read, run.test.accuracy, { trainSeconds: run.trainSeconds, steps, msPerStep });
    if (probe.fineTuned) {
      const { fineTuned, test, steps, seconds } = probe as unknown as {
        fineTuned: Awaited<ReturnType<typeof readTest>>;
        test: { accuracy: number };
        steps: number;
        seconds: number;
      };
      report(`MNIST alone, then fine-tuned ${steps} steps`, fineTuned, test.accuracy, { seconds });
    }
  }
  console.log(JSON.stringify({ adapter: gpu.adapterName, settings: base, results }));
  gpu.device.destroy();
  process.exit(0);
} catch (error) {
  console.error(
    `my digits figures failed: ${error instanceof Error ? `${error.name}: ${error.message}` : error}`,
  );
  process.exit(1);
}
