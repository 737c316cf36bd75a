// npm run train:headless -- --drawn-digits [--epochs 5 ...]: the default run (the book's MLP, 5
// epochs) trained twice in Node on Dawn, without and with augmentation, each then asked to read the
// hand-drawn digits of tests/fixtures/drawnDigits.json, painted and preprocessed as the page does.
// Prints the test-set and drawn-digit accuracy of both (the README's "Augmentation and drawn digits").
import './installDawn';
import { requestGpuDevice } from '../../src/index';
import { drawnDigits, mouseSteps, strokesToInput } from '../../tests/cases/drawnStrokes';
import { bookRun, bookRunSettings } from '../headless/bookRun';
import { readDrawings } from './drawingReads';
import { loadMnistFiles } from './mnistFiles';

const args = process.argv.slice(2);
const flags = new Map<string, string>();
for (let i = 0; i < args.length; i += 2) flags.set(args[i].replace(/^--/, ''), args[i + 1]);
const flag = (name: string) => flags.get(name) ?? null;

// Each drawing as the pad receives it from a mouse moved in 6 steps per segment (as the e2e test).
const inputs = drawnDigits.map((d) => strokesToInput(d.strokes.map((s) => mouseSteps(s, 6))));
const pixels = new Float32Array(inputs.length * 784);
for (const [i, input] of inputs.entries()) pixels.set(input, i * 784);

try {
  const gpu = await requestGpuDevice();
  const mnist = await loadMnistFiles(flag('data') ?? process.env.MNIST_DIR ?? 'public/mnist');
  const results = [];
  for (const augment of [false, true]) {
    const settings = { ...bookRunSettings(flag), augment };
    const run = await bookRun(settings, gpu, mnist, console.log, (model) => readDrawings(model, pixels));
    const drawn = run.probe as Awaited<ReturnType<typeof readDrawings>>;
    console.log(
      `augment ${augment}: test accuracy ${run.test.accuracy.toFixed(4)}, drawn digits ${drawn.correct}/${drawn.count} (${drawn.mistakes.join(' ')}), mean probability of the right digit ${drawn.rightProbability.toFixed(3)}`,
    );
    results.push({ augment, test: run.test, drawn, trainSeconds: run.trainSeconds, adapter: run.adapter });
  }
  console.log(JSON.stringify(results));
  gpu.device.destroy();
  process.exit(0);
} catch (error) {
  console.error(`drawn digits failed: ${error instanceof Error ? `${error.name}: ${error.message}` : error}`);
  process.exit(1);
}
