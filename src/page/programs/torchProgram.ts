// The PyTorch program that reproduces the run on screen: the same layers as nn.Sequential (modules
// from torchModules.ts, which the weights file names too), Keras's initialisation and optimizer
// (torchOptimizers.ts), the batch size, epochs, seed and augmentation, the MNIST files the app
// serves, the test set evaluated after each epoch as the app does, and the app's weights loaded
// from a safetensors file (torchWeights.ts) when given one.
import { CLASSES, IMAGE_SHAPE, IMAGE_SIDE, PIXELS } from '../../data/mnist';
import type { ExportedLayer } from '../../protocol/protocol';
import { type Settings, trainingImages } from '../../protocol/settings';
import { torchEpochLoop, torchHeldOutConstants, torchTrainingData } from './heldOutPrograms';
import { pythonFloat } from './kerasProgram';
import { describeRun } from './runDescription';
import { modelWords, torchModules } from './torchModules';
import { optimizerNeedsMath, torchOptimizerLines } from './torchOptimizers';
import { penaltyFunction, torchPenalties } from './torchPenalty';

/** The run's layers, the output layer included, as the app builds them. */
export function runLayers(settings: Settings): { inputShape: number[]; layers: ExportedLayer[] } {
  const { hidden, imageInput } = describeRun(settings);
  const layers = hidden.map((spec): ExportedLayer => {
    switch (spec.kind) {
      case 'conv':
        return { kind: 'conv', filters: spec.filters, activation: 'relu' };
      case 'dense':
        return { kind: 'dense', units: spec.units, activation: 'relu' };
      case 'dropout':
        return { kind: 'dropout', rate: spec.rate };
      default:
        return { kind: spec.kind };
    }
  });
  layers.push({ kind: 'dense', units: CLASSES, activation: 'softmax' });
  return { inputShape: imageInput ? [...IMAGE_SHAPE] : [PIXELS], layers };
}

const AUGMENT = [
  'def augment(images, generator):',
  '    """The app\'s augmentation: each image shifted (up to 2 px in x and in y), rotated (up to 10',
  '    degrees) and scaled (0.9 to 1.1 times), uniformly at random (other random numbers than the app\'s)."""',
  '    u = torch.rand(4, len(images), generator=generator) * 2 - 1',
  '    return warp(images, u[0] * math.radians(10), 1 + 0.1 * u[1], 2 * u[2], 2 * u[3])',
  '',
  '',
  'def warp(images, angle, scale, shift_x, shift_y):',
  '    """Output pixel (x, y) reads the image bilinearly, zero outside, at (cos a * dx + sin a * dy,',
  '    cos a * dy - sin a * dx) / scale + centre, where (dx, dy) = (x, y) - centre - shift and the centre',
  `    is (${(IMAGE_SIDE - 1) / 2}, ${(IMAGE_SIDE - 1) / 2}): what the app's shaders/gatherBatchAugmented.wgsl computes."""`,
  `    centre = (${IMAGE_SIDE} - 1) / 2`,
  '    cos, sin = torch.cos(angle) / scale, torch.sin(angle) / scale',
  "    # In affine_grid's units -1 and 1 are the centres of the corner pixels (align_corners=True).",
  '    theta = torch.stack(',
  '        [',
  '            torch.stack([cos, sin, -(cos * shift_x + sin * shift_y) / centre], 1),',
  '            torch.stack([-sin, cos, -(cos * shift_y - sin * shift_x) / centre], 1),',
  '        ],',
  '        1,',
  '    )',
  `    square = images.reshape(-1, 1, ${IMAGE_SIDE}, ${IMAGE_SIDE})`,
  '    grid = nn.functional.affine_grid(theta, list(square.shape), align_corners=True)',
  '    warped = nn.functional.grid_sample(square, grid, padding_mode="zeros", align_corners=True)',
  '    return warped.reshape(images.shape)',
];

const READ_DATA = [
  'def read_idx(path):',
  '    """A gzipped IDX file of unsigned bytes (as the app serves MNIST) as a uint8 tensor."""',
  '    try:',
  '        data = gzip.decompress(Path(path).read_bytes())',
  '    except FileNotFoundError:',
  '        raise SystemExit(f"{path} is missing: --data names the folder of the app\'s MNIST .gz files")',
  '    if data[:3] != b"\\x00\\x00\\x08":',
  '        raise SystemExit(f"{path} is not an IDX file of unsigned bytes")',
  '    rank = data[3]',
  '    shape = struct.unpack(f">{rank}I", data[4 : 4 + 4 * rank])',
  '    return torch.frombuffer(bytearray(data[4 + 4 * rank :]), dtype=torch.uint8).reshape(shape)',
  '',
  '',
  'def load_mnist(folder, kind, count):',
  '    """The first `count` images of "train" or "t10k" as floats (pixel / 255), and their labels."""',
  '    images = read_idx(Path(folder) / f"{kind}-images-idx3-ubyte.gz")[:count]',
  '    labels = read_idx(Path(folder) / f"{kind}-labels-idx1-ubyte.gz")[:count]',
  '    return images.reshape(-1, *INPUT_SHAPE).float() / 255, labels.long()',
];

const WEIGHTS = [
  'def read_safetensors(path):',
  '    """The tensors and metadata of a safetensors file, read as the format defines it: the header\'s',
  '    length (8 bytes, little-endian), the JSON header, the data (safetensors.torch.load_file reads it too)."""',
  '    try:',
  '        data = Path(path).read_bytes()',
  '    except FileNotFoundError:',
  '        raise SystemExit(f"{path} is missing")',
  '    try:',
  '        (length,) = struct.unpack("<Q", data[:8])',
  '        header = json.loads(data[8 : 8 + length])',
  '        metadata = header.pop("__metadata__", {})',
  '        tensors = {}',
  '        for name, info in header.items():',
  '            if info["dtype"] != "F32":',
  '                raise ValueError(f"{name} is {info[\'dtype\']}, not float32 (F32)")',
  '            begin, end = (8 + length + offset for offset in info["data_offsets"])',
  "            # NOTE: frombuffer reads in the machine's byte order; the format's is little-endian, as is",
  '            # every machine PyTorch ships for.',
  '            tensor = torch.frombuffer(bytearray(data[begin:end]), dtype=torch.float32)',
  '            tensors[name] = tensor.reshape(info["shape"])',
  '    except (struct.error, ValueError, KeyError, TypeError, AttributeError, RuntimeError) as error:',
  '        raise SystemExit(f"{path} is not a safetensors file of the app\'s weights ({error})")',
  '    return tensors, metadata',
  '',
  '',
  'def load_weights(model, path):',
  '    """The app\'s weights into the model, once the file says they are this model\'s."""',
  '    tensors, metadata = read_safetensors(path)',
  '    if metadata.get("model") != MODEL:',
  '        raise SystemExit(',
  "            f\"{path} holds the weights of {metadata.get('model', 'another model')}; this program builds\"",
  '            f" {MODEL}. Copy the program for that run\'s settings from the app\'s Code view."',
  '        )',
  '    model.load_state_dict(tensors)',
];

function trainAndEvaluate(augment: boolean, penalized: boolean): string[] {
  const plus = penalized ? ' + penalty(model)' : '';
  return [
    'def train_epoch(model, optimizer, images, labels, generator):',
    '    """One epoch of shuffled batches (the last one smaller when they do not divide), as the app',
    '    trains; the loss and accuracy are each batch\'s before its step, averaged over the images."""',
    '    model.train()',
    '    order = torch.randperm(len(images), generator=generator)',
    '    loss_sum, correct = 0.0, 0',
    '    for start in range(0, len(images), BATCH_SIZE):',
    '        batch = order[start : start + BATCH_SIZE]',
    `        x, y = ${augment ? 'augment(images[batch], generator)' : 'images[batch]'}, labels[batch]`,
    '        logits = model(x)',
    `        loss = nn.functional.cross_entropy(logits, y)${plus}`,
    '        optimizer.zero_grad()',
    '        loss.backward()',
    '        optimizer.step()',
    '        loss_sum += loss.item() * len(batch)',
    '        correct += (logits.argmax(1) == y).sum().item()',
    '    return loss_sum / len(images), correct / len(images)',
    '',
    '',
    '@torch.no_grad()',
    'def evaluate(model, images, labels):',
    '    """Loss and accuracy over a whole set, in batches of 1,000, as the app evaluates."""',
    '    model.eval()',
    '    loss_sum, correct = 0.0, 0',
    '    for start in range(0, len(images), 1000):',
    '        logits, y = model(images[start : start + 1000]), labels[start : start + 1000]',
    '        loss_sum += nn.functional.cross_entropy(logits, y, reduction="sum").item()',
    '        correct += (logits.argmax(1) == y).sum().item()',
    `    return loss_sum / len(images)${penalized ? ' + penalty(model).item()' : ''}, correct / len(images)`,
    '',
    '',
    '@torch.no_grad()',
    'def predict(model, images):',
    '    """Each image\'s ten probabilities: the softmax of the output layer."""',
    '    model.eval()',
    '    return torch.cat([model(images[s : s + 1000]).softmax(1) for s in range(0, len(images), 1000)])',
  ];
}

function buildModel(inputShape: number[], layers: ExportedLayer[]): string[] {
  const modules = torchModules(inputShape, layers);
  return [
    'def build_model():',
    '    """The app\'s layers as PyTorch modules, with Keras\'s initialisation."""',
    '    model = nn.Sequential(',
    ...modules.map(
      (m, i) =>
        `        ${m.code},${i === modules.length - 1 ? '  # its softmax: in cross_entropy and predict()' : ''}`,
    ),
    '    )',
    "    # Keras's initialisation, not PyTorch's: Glorot-uniform weights, zero biases.",
    '    for module in model:',
    '        if isinstance(module, (nn.Linear, nn.Conv2d)):',
    '            nn.init.xavier_uniform_(module.weight)',
    '            nn.init.zeros_(module.bias)',
    '    return model',
  ];
}

const mainLines = (settings: Settings) => [
  'def main():',
  '    parser = argparse.ArgumentParser(description="The run from Digits on WebGPU, in PyTorch.")',
  '    parser.add_argument("--data", default="mnist", help="the folder of the MNIST .gz files")',
  '    parser.add_argument("--weights", help="the app\'s weights to start from (a .safetensors file)")',
  '    parser.add_argument("--epochs", type=int, default=EPOCHS, help="epochs to train")',
  '    args = parser.parse_args()',
  '',
  '    torch.manual_seed(SEED)',
  ...torchTrainingData(settings),
  '    test_images, test_labels = load_mnist(args.data, "t10k", TEST_IMAGES)',
  '    model = build_model()',
  '    if args.weights:',
  '        load_weights(model, args.weights)',
  '        test_loss, test_accuracy = evaluate(model, test_images, test_labels)',
  '        print(f"{args.weights}: test loss {test_loss:.4f}, test accuracy {test_accuracy:.4f}")',
  '    optimizer = make_optimizer(model)',
  '    generator = torch.Generator().manual_seed(SEED)',
  ...torchEpochLoop(settings),
  '',
  '',
  'if __name__ == "__main__":',
  '    main()',
];

const BATCH_NORM_NOTE = [
  "BatchNorm: PyTorch's momentum=0.01 is Keras's momentum=0.99 (PyTorch weighs the new batch), its",
  "eps Keras's epsilon; PyTorch's running_var takes the unbiased batch variance (n/(n - 1) times",
  "Keras's biased one, n = batch x height x width), so the moving variances differ by that factor.",
];

export function torchProgram(settings: Settings): string {
  const { modelLine, trainingLine } = describeRun(settings);
  const { inputShape, layers } = runLayers(settings);
  const flat = inputShape.length === 1;
  const augment = settings.augment === true;
  const penalties = torchPenalties(settings, inputShape, layers);
  const batchNorm = layers.some((l) => l.kind === 'batchNorm');
  const lines = [
    '"""The PyTorch program for the run on screen in Digits on WebGPU.',
    '',
    `Model: ${modelLine}.`,
    `Training: ${trainingLine}${augment ? ', on augmented images' : ''}.`,
    ...(batchNorm ? BATCH_NORM_NOTE : []),
    '',
    "The app's layers, initialisation, optimizer, batch size, epochs and seed, on the MNIST files the",
    'app serves (its folder mnist/, or public/mnist in its source), with the test set evaluated after',
    "each epoch as the app does. With --weights it starts from the app's weights (Download weights",
    '(safetensors)), so a run trained in the browser goes on here; the optimizer starts afresh.',
    '',
    '    python3 digits_torch.py --data mnist',
    '    python3 digits_torch.py --data mnist --weights model.safetensors --epochs 0',
    '',
    'Needs PyTorch (pip install torch, or Debian\'s python3-torch)."""',
    'import argparse',
    'import gzip',
    'import json',
    ...(augment || optimizerNeedsMath(settings) ? ['import math'] : []),
    'import struct',
    'from pathlib import Path',
    '',
    'import torch',
    'from torch import nn',
    '',
    `MODEL = "${modelWords(layers)}"`,
    flat
      ? `INPUT_SHAPE = (${PIXELS},)  # flat images`
      : `INPUT_SHAPE = (1, ${IMAGE_SIDE}, ${IMAGE_SIDE})  # images, channels first as PyTorch's layers take them`,
    `SEED = ${settings.seed}`,
    `EPOCHS = ${settings.epochs}`,
    `BATCH_SIZE = ${settings.batchSize}`,
    `LEARNING_RATE = ${pythonFloat(settings.learningRate)}`,
    `TRAIN_IMAGES = ${trainingImages(settings)}`,
    ...torchHeldOutConstants(settings),
    'TEST_IMAGES = 10000',
    '',
    '',
    ...READ_DATA,
    '',
    '',
    ...buildModel(inputShape, layers),
    '',
    '',
    ...torchOptimizerLines(settings),
    '',
    '',
    ...(augment ? [...AUGMENT, '', ''] : []),
    ...penaltyFunction(penalties),
    ...trainAndEvaluate(augment, penalties.length > 0),
    '',
    '',
    ...WEIGHTS,
    '',
    '',
    ...mainLines(settings),
  ];
  return `${lines.join('\n')}\n`;
}
