// The Code view's programs for an imported data set: each names the data set and its four files
// with their SHA-256 at the top, and reads those IDX files as they are (gzipped or not): the Keras
// program in place of keras.datasets.mnist, PyTorch's and TF.js's in place of the MNIST files the app
// serves (datasetReaders.ts).
import { DATASET_FILE_ROLES, type DatasetFileRole, type DatasetIdentity } from '../../data/datasetIdentity';
import type { Settings } from '../../protocol/settings';
import { tfjsReadsDataset, torchReadsDataset } from './datasetReaders';

export type ProgramLanguage = 'keras' | 'torch' | 'tfjs';

const KERAS_LOAD = '(train_images, train_labels), (test_images, test_labels) = mnist.load_data()';

/** The header lines (without the comment marks) that name the data set and its files. */
export function datasetHeader(dataset: DatasetIdentity): string[] {
  return [
    `Data set: ${dataset.name} (imported), classes ${dataset.classNames.map((n, i) => `${i} ${n}`).join(', ')};`,
    `${dataset.trainCount} training and ${dataset.testCount} test images. Its IDX files (SHA-256 of the IDX bytes):`,
    ...DATASET_FILE_ROLES.map((role) => {
      const { file, sha256 } = dataset.files[role];
      return `  ${file}  ${sha256}`;
    }),
  ];
}

/** The program as written for MNIST (for `settings`), made to name and read the imported data set. */
export function withDataset(
  program: string,
  dataset: DatasetIdentity | null,
  language: ProgramLanguage,
  settings: Settings,
): string {
  if (!dataset) return program;
  const mark = language === 'tfjs' ? '//' : '#';
  const header = datasetHeader(dataset).map((line) => `${mark} ${line}`);
  let body = program;
  if (language === 'torch') body = torchReadsDataset(body, dataset, settings);
  if (language === 'tfjs') body = tfjsReadsDataset(body, dataset, settings);
  if (language === 'keras') {
    const path = (role: DatasetFileRole) => JSON.stringify(dataset.files[role].file);
    body = body
      .replace('from keras.datasets import mnist\n', 'import gzip\nimport numpy as np\n')
      .replace(
        KERAS_LOAD,
        [
          'def read_idx(path):',
          '    """An IDX file of unsigned bytes, gzipped or not, as a NumPy array."""',
          '    data = open(path, "rb").read()',
          '    if data[:2] == b"\\x1f\\x8b":',
          '        data = gzip.decompress(data)',
          '    rank = data[3]',
          '    shape = [int.from_bytes(data[4 + 4 * i : 8 + 4 * i], "big") for i in range(rank)]',
          '    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * rank).reshape(shape)',
          '',
          '',
          `train_images, train_labels = read_idx(${path('trainImages')}), read_idx(${path('trainLabels')})`,
          `test_images, test_labels = read_idx(${path('testImages')}), read_idx(${path('testLabels')})`,
        ].join('\n'),
      )
      // Its counts are not MNIST's: the rows are as many as the files hold.
      .replace(/(train|test)_images\.reshape\(\(\d+,/g, '$1_images.reshape((-1,')
      .replace(/to_categorical\((train|test)_labels\)/g, 'to_categorical($1_labels, 10)');
  }
  const lines = body.split('\n');
  // After the program's own first comment line (what it is).
  return [lines[0], ...header, ...lines.slice(1)].join('\n');
}
