// The Keras program's lines for "Train on my digits too": it reads the IDX files that Your digits'
// Export writes (src/data/userDigitsIdx.ts names them), adds as many copies of the training digits
// to MNIST's as the app mixes into an epoch (an eighth of each batch: src/nn/mixedOrder.ts), and
// reads the test digits at the end.
import { USER_DIGIT_FILES } from '../../data/userDigitsIdx';

/** Reads the four files and mixes the training digits in; `reshape(count)` as the program's. */
export function kerasMyDigitsData(reshape: (count: string) => string): string[] {
  return [
    '',
    '# Your digits, as Export (under Your digits) writes them: put the four files beside this one.',
    'def read_idx(path):',
    '    """A gzipped IDX file as MNIST\'s: a magic number, its dimensions, then bytes."""',
    '    with gzip.open(path, "rb") as f:',
    '        data = f.read()',
    '    dims = data[3]',
    '    shape = [int.from_bytes(data[4 + 4 * i : 8 + 4 * i], "big") for i in range(dims)]',
    '    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)',
    '',
    '',
    `my_images = read_idx("${USER_DIGIT_FILES.train.images}.gz")`,
    `my_labels = read_idx("${USER_DIGIT_FILES.train.labels}.gz")`,
    `my_test_images = read_idx("${USER_DIGIT_FILES.test.images}.gz")`,
    `my_test_labels = read_idx("${USER_DIGIT_FILES.test.labels}.gz")`,
    '# The app mixes them into every batch (an eighth of it, each drawing at most once): as many',
    '# copies as that makes in an epoch, all of them moved a little by the augmentation layers below.',
    'per_batch = min(max(1, round(batch_size / 8)), len(my_labels), batch_size - 1)',
    'batches = math.ceil(len(train_labels) / (batch_size - per_batch))',
    'copies = max(1, round(batches * per_batch / len(my_labels)))',
    'train_images = np.concatenate([train_images] + [my_images] * copies)',
    'train_labels = np.concatenate([train_labels] + [my_labels] * copies)',
    `my_test_images = my_test_images.reshape(${reshape('len(my_test_labels)')}).astype("float32") / 255`,
  ];
}

/** The program's last lines: how many of the test digits the trained model reads right. */
export function kerasMyDigitsTest(): string[] {
  return [
    'my_read = model.predict(my_test_images).argmax(axis=1)',
    'print(f"your test digits: {(my_read == my_test_labels).sum()} of {len(my_test_labels)}")',
  ];
}
