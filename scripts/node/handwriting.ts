// npm run train:headless -- --handwriting [--epochs 5 --seed 1 ...]: the default run (the book's MLP,
// no augmentation) trained once in Node on Dawn; after every epoch it reads the 60 hand-drawn digits
// of tests/fixtures/drawnDigits.json through each way of preprocessing them below, and prints how
// many it reads right with the test set's accuracy beside them (docs/handwriting.md).
import './installDawn';
import { strokesToMnist } from '../../src/data/strokes';
import { requestGpuDevice } from '../../src/index';
import { SIZE } from '../../src/ui/drawing';
import { drawnDigits, mouseSteps, placed, type Stroke, strokesToInput } from '../../tests/cases/drawnStrokes';
import { bookRun, bookRunSettings } from '../headless/bookRun';
import { readDrawings } from './drawingReads';
import { loadMnistFiles } from './mnistFiles';

const args = process.argv.slice(2);
const flags = new Map<string, string>();
for (let i = 0; i < args.length; i += 2) flags.set(args[i].replace(/^--/, ''), args[i + 1]);
const flag = (name: string) => flags.get(name) ?? null;

/** Each drawing as the pad receives it from a mouse moved in 6 steps per segment (as the e2e test). */
const asMoved = (strokes: Stroke[]) => strokes.map((s) => mouseSteps(s, 6));
/** The drawing redrawn small: 40% of the pad's height (112 px), in its middle, as the issue saw misread. */
const small = (strokes: Stroke[]) => placed(strokes, 0.4 * SIZE, [SIZE / 2, SIZE / 2]);
const PAD = { width: SIZE, height: SIZE };

/** The ways a drawing becomes the network's 784 inputs. */
const READERS: Record<string, (strokes: Stroke[]) => Float32Array> = {
  // The pad today: strokes painted at its fixed pen width, then the pixels preprocessed.
  pad: (strokes) => strokesToInput(asMoved(strokes)),
  'pad, drawn small': (strokes) => strokesToInput(asMoved(small(strokes))),
  // The strokes painted afresh at a pen relative to the digit's size (src/data/strokes.ts).
  strokes: (strokes) => strokesToMnist(asMoved(strokes), PAD) as Float32Array,
  'strokes, drawn small': (strokes) => strokesToMnist(asMoved(small(strokes)), PAD) as Float32Array,
};

function batchOf(read: (strokes: Stroke[]) => Float32Array): Float32Array {
  const pixels = new Float32Array(drawnDigits.length * 784);
  for (const [i, d] of drawnDigits.entries()) pixels.set(read(d.strokes), i * 784);
  return pixels;
}
const batches = Object.entries(READERS).map(([name, read]) => ({ name, pixels: batchOf(read) }));

try {
  const gpu = await requestGpuDevice();
  const mnist = await loadMnistFiles(flag('data') ?? process.env.MNIST_DIR ?? 'public/mnist');
  const settings = { ...bookRunSettings(flag), augment: false, validate: true };
  const results: { epoch: number; reader: string; [figure: string]: unknown }[] = [];
  const run = await bookRun(settings, gpu, mnist, console.log, undefined, async (model, epoch) => {
    for (const { name, pixels } of batches) {
      const read = await readDrawings(model, pixels);
      console.log(
        `epoch ${epoch}, ${name}: drawn digits ${read.correct}/${read.count} (${read.mistakes.join(' ') || 'no mistakes'}), mean probability of the right digit ${read.rightProbability.toFixed(3)}`,
      );
      const { correct, count, rightProbability, mistakes } = read;
      results.push({ epoch, reader: name, correct, count, rightProbability, mistakes });
    }
  });
  const tests = run.history.map((h) => ({ epoch: h.epoch + 1, accuracy: h.valAccuracy, loss: h.valLoss }));
  console.log(JSON.stringify({ adapter: run.adapter, settings, tests, results }));
  gpu.device.destroy();
  process.exit(0);
} catch (error) {
  console.error(`handwriting failed: ${error instanceof Error ? `${error.name}: ${error.message}` : error}`);
  process.exit(1);
}
