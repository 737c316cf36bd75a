// npm run train:headless -- --drawn-digits [--epochs 5 ...]: the default run (the book's MLP, 5
// epochs) trained twice in Node on Dawn, without and with augmentation, each then asked to read the
// hand-drawn digits of tests/fixtures/drawnDigits.json, painted and preprocessed as the page does.
// Prints the test-set and drawn-digit accuracy of both (the README's "Augmentation and drawn digits").
import './installDawn';
import { requestGpuDevice, type Sequential } from '../../src/index';
import { drawnDigits, mouseSteps, strokesToInput } from '../../tests/cases/drawnStrokes';
import { bookRun, bookRunSettings } from '../headless/bookRun';
import { loadMnistFiles } from './mnistFiles';

const args = process.argv.slice(2);
const flags = new Map<string, string>();
for (let i = 0; i < args.length; i += 2) flags.set(args[i].replace(/^--/, ''), args[i + 1]);
const flag = (name: string) => flags.get(name) ?? null;

// Each drawing as the pad receives it from a mouse moved in 6 steps per segment (as the e2e test).
const inputs = drawnDigits.map((d) => strokesToInput(d.strokes.map((s) => mouseSteps(s, 6))));
const pixels = new Float32Array(inputs.length * 784);
for (const [i, input] of inputs.entries()) pixels.set(input, i * 784);

/** The model's guess for every drawing, and how many are right. */
async function readDrawings(model: Sequential) {
  const probabilities = await model.predict(pixels);
  const guesses = drawnDigits.map((_, i) => {
    const row = probabilities.subarray(i * 10, (i + 1) * 10);
    return row.indexOf(Math.max(...row));
  });
  const correct = guesses.filter((g, i) => g === drawnDigits[i].label).length;
  // How sure it is of the right answer: finer than the count when nearly all are right.
  const rightProbability =
    drawnDigits.reduce((sum, d, i) => sum + probabilities[i * 10 + d.label], 0) / drawnDigits.length;
  return {
    correct,
    count: drawnDigits.length,
    accuracy: correct / drawnDigits.length,
    rightProbability,
    guesses,
  };
}

try {
  const gpu = await requestGpuDevice();
  const mnist = await loadMnistFiles(flag('data') ?? process.env.MNIST_DIR ?? 'public/mnist');
  const results = [];
  for (const augment of [false, true]) {
    const settings = { ...bookRunSettings(flag), augment };
    const run = await bookRun(settings, gpu, mnist, console.log, readDrawings);
    const drawn = run.probe as Awaited<ReturnType<typeof readDrawings>>;
    const mistakes = drawnDigits
      .map((d, i) => (drawn.guesses[i] === d.label ? '' : `${d.label}→${drawn.guesses[i]}`))
      .filter(Boolean);
    console.log(
      `augment ${augment}: test accuracy ${run.test.accuracy.toFixed(4)}, drawn digits ${drawn.correct}/${drawn.count} (${mistakes.join(' ')}), mean probability of the right digit ${drawn.rightProbability.toFixed(3)}`,
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
