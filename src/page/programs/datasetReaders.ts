// The PyTorch and TF.js programs for an imported data set read its four IDX files as they are (under
// their own names, gzipped or not), as the Keras program does (datasetProgram.ts), in place of the
// MNIST files the app serves; their counts become the data set's. Each rewrite names the text it
// replaces, and throws if the program no longer has it, so a change to a program cannot quietly
// leave an imported data set's program reading MNIST (tests/page/datasetProgram.test.ts).
import type { DatasetFileRole, DatasetIdentity } from '../../data/datasetIdentity';
import { type Settings, TRAINING_SET, trainingImages } from '../../protocol/settings';

type Rewrite = readonly [from: string, to: string];

function rewrite(program: string, rewrites: readonly Rewrite[]): string {
  return rewrites.reduce((text, [from, to]) => {
    if (!text.includes(from)) throw new Error(`The program no longer has the text to rewrite: ${from}`);
    return text.split(from).join(to);
  }, program);
}

const fileName = (dataset: DatasetIdentity, role: DatasetFileRole) =>
  JSON.stringify(dataset.files[role].file);

const MNIST_TEST_SET = 10000;

/** The images a run trains on and holds out, in MNIST and in the data set (validation from its end). */
function counts(settings: Settings, dataset: DatasetIdentity) {
  const validation = settings.validation ?? 0;
  return {
    validation,
    mnistTrain: trainingImages(settings),
    train: trainingImages(settings, dataset.trainCount),
  };
}

/** The PyTorch program, reading the data set's files from the --data folder. */
export function torchReadsDataset(program: string, dataset: DatasetIdentity, settings: Settings): string {
  const { validation, mnistTrain, train } = counts(settings, dataset);
  const files = [
    "FILES = {  # the data set's IDX files, in the --data folder",
    `    "train": (${fileName(dataset, 'trainImages')}, ${fileName(dataset, 'trainLabels')}),`,
    `    "t10k": (${fileName(dataset, 'testImages')}, ${fileName(dataset, 'testLabels')}),`,
    '}',
    '',
    '',
    'def load_mnist(folder, kind, count):',
  ].join('\n');
  const rewrites: Rewrite[] = [
    [
      '    """A gzipped IDX file of unsigned bytes (as the app serves MNIST) as a uint8 tensor."""',
      '    """An IDX file of unsigned bytes, gzipped or not, as a uint8 tensor."""',
    ],
    ['        data = gzip.decompress(Path(path).read_bytes())', '        data = Path(path).read_bytes()'],
    [
      '        raise SystemExit(f"{path} is missing: --data names the folder of the app\'s MNIST .gz files")\n',
      '        raise SystemExit(f"{path} is missing: --data names the folder of the data set\'s IDX files")\n' +
        '    if data[:2] == b"\\x1f\\x8b":  # gzipped\n' +
        '        data = gzip.decompress(data)\n',
    ],
    ['def load_mnist(folder, kind, count):', files],
    ['Path(folder) / f"{kind}-images-idx3-ubyte.gz"', 'Path(folder) / FILES[kind][0]'],
    ['Path(folder) / f"{kind}-labels-idx1-ubyte.gz"', 'Path(folder) / FILES[kind][1]'],
    ['help="the folder of the MNIST .gz files"', 'help="the folder of the data set\'s IDX files"'],
    [
      'on the MNIST files the\napp serves (its folder mnist/, or public/mnist in its source),',
      "on the imported data\nset's IDX files, in the folder --data names,",
    ],
    ['    python3 digits_torch.py --data mnist', '    python3 digits_torch.py --data FOLDER'],
    [`TEST_IMAGES = ${MNIST_TEST_SET}`, `TEST_IMAGES = ${dataset.testCount}`],
    [`TRAIN_IMAGES = ${mnistTrain}\n`, `TRAIN_IMAGES = ${train}\n`],
  ];
  if (validation > 0)
    rewrites.push([
      `load_mnist(args.data, "train", ${TRAINING_SET})`,
      `load_mnist(args.data, "train", ${dataset.trainCount})`,
    ]);
  return rewrite(program, rewrites);
}

/** The TF.js program, fetching the data set's files from beside the page. */
export function tfjsReadsDataset(program: string, dataset: DatasetIdentity, settings: Settings): string {
  const { validation, mnistTrain, train } = counts(settings, dataset);
  const name = (role: DatasetFileRole) => `'${dataset.files[role].file.replaceAll("'", "\\'")}'`;
  const trainFiles = `${name('trainImages')}, ${name('trainLabels')}`;
  const rewrites: Rewrite[] = [
    [
      '// It reads the MNIST files the app serves (mnist/): run it as a module script in a page beside them.',
      "// It reads the data set's four IDX files: run it as a module script in a page beside them.",
    ],
    [
      '/** A gzipped IDX file: its dimensions and its bytes. */',
      '/** An IDX file, gzipped or not: its dimensions and its bytes. */',
    ],
    [
      "  const unzipped = response.body.pipeThrough(new DecompressionStream('gzip'));\n" +
        '  const bytes = new Uint8Array(await new Response(unzipped).arrayBuffer());\n',
      '  let bytes = new Uint8Array(await response.arrayBuffer());\n' +
        '  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {\n' +
        "    const unzipped = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));\n" +
        '    bytes = new Uint8Array(await new Response(unzipped).arrayBuffer());\n' +
        '  }\n',
    ],
    ["await readIdx('mnist/' + images)", 'await readIdx(images)'],
    ["await readIdx('mnist/' + labels)", 'await readIdx(labels)'],
    [
      `'t10k-images-idx3-ubyte.gz', 't10k-labels-idx1-ubyte.gz', ${MNIST_TEST_SET})`,
      `${name('testImages')}, ${name('testLabels')}, ${dataset.testCount})`,
    ],
  ];
  const mnistFiles = "'train-images-idx3-ubyte.gz', 'train-labels-idx1-ubyte.gz'";
  if (validation > 0)
    rewrites.push(
      [`loadMnist(${mnistFiles}, ${TRAINING_SET})`, `loadMnist(${trainFiles}, ${dataset.trainCount})`],
      [`.slice(0, ${mnistTrain})`, `.slice(0, ${train})`],
      [`.slice(${TRAINING_SET - validation})`, `.slice(${dataset.trainCount - validation})`],
    );
  else rewrites.push([`loadMnist(${mnistFiles}, ${mnistTrain})`, `loadMnist(${trainFiles}, ${train})`]);
  return rewrite(program, rewrites);
}
