// Will a run fit on this device? Answered from the settings alone, before anything is allocated:
// a model too large must be refused with a reason, not discovered by an out-of-memory error halfway.
import { bucketBytes } from '../backend/webgpu/pool';
import { CLASSES, PIXELS } from '../data/mnist';
import { summarize } from '../protocol/layers';
import { formatBytes, GPU_MEMORY_BUDGET } from '../protocol/memory';
import type { Settings } from '../protocol/settings';
import { convnetSpecs, EVAL_BATCH } from './model';

export type SizeLimits = Pick<GPUSupportedLimits, 'maxBufferSize' | 'maxStorageBufferBindingSize'>;

interface Allocation {
  what: string;
  /** Bytes as the buffer pool allocates them: rounded up to a power of two. */
  bytes: number;
}

const count = (n: number) => n.toLocaleString('en-US');
const f32s = (n: number) => bucketBytes(n * 4);
const packedBytes = (n: number) => bucketBytes(Math.ceil(n / 4) * 4);

/**
 * Each parameter's buffers: itself, its gradient and its optimizer's state (none for plain SGD, a
 * velocity for SGD with momentum, two for Adam).
 */
function parameterRoles(settings: Settings): string[] {
  const state = {
    sgd: (settings.momentum ?? 0) > 0 ? [' (its SGD velocity)'] : [],
    rmsprop: [' (its RMSprop average)'],
    adam: [' (its Adam first moment)', ' (its Adam second moment)'],
  }[settings.optimizer ?? 'rmsprop'];
  return ['', ' (its gradient)', ...state];
}

/**
 * The buffers of a run, as if all were alive at once (an upper bound): the data, each parameter
 * with its gradient and optimizer state, one training step's activations and one evaluation batch's.
 */
export function runAllocations(settings: Settings, trainCount: number, testCount: number): Allocation[] {
  const { hidden, batchSize } = settings;
  // The validation images held out of the training images are a second copy on the device (heldOut.ts).
  const validation = Math.max(0, Math.min(settings.validation ?? 0, trainCount - 1));
  const train = Math.min(settings.train, trainCount - validation);
  const evalRows = Math.min(EVAL_BATCH, testCount);
  const weights = `the ${count(PIXELS)} × ${count(hidden)} weight matrix`;
  const list: Allocation[] = [
    { what: 'the training images', bytes: packedBytes(trainCount * PIXELS) },
    { what: 'the test images', bytes: packedBytes(testCount * PIXELS) },
    { what: 'the data order', bytes: f32s(train) },
  ];
  if (train < trainCount) list.push({ what: 'the images of this run', bytes: packedBytes(train * PIXELS) });
  if (validation > 0) list.push({ what: 'the validation images', bytes: packedBytes(validation * PIXELS) });
  if (settings.model === 'convnet') return [...list, ...convnetAllocations(settings, evalRows)];
  for (const role of parameterRoles(settings)) {
    list.push({ what: `${weights}${role}`, bytes: f32s(PIXELS * hidden) });
    list.push({
      what: `the ${count(hidden)} × ${count(CLASSES)} weights${role}`,
      bytes: f32s(hidden * CLASSES),
    });
    list.push({ what: `the hidden biases${role}`, bytes: f32s(hidden) });
  }
  const batch = `a batch of ${count(batchSize)} images`;
  list.push({ what: `${batch} (inputs)`, bytes: f32s(batchSize * PIXELS) });
  // Hidden layer before and after ReLU, and their two gradients.
  for (let i = 0; i < 4; i++)
    list.push({ what: `the hidden activations of ${batch}`, bytes: f32s(batchSize * hidden) });
  const evaluation = `an evaluation batch of ${count(evalRows)} images`;
  list.push({ what: `${evaluation} (inputs)`, bytes: f32s(evalRows * PIXELS) });
  for (let i = 0; i < 2; i++)
    list.push({ what: `the hidden activations of ${evaluation}`, bytes: f32s(evalRows * hidden) });
  return list;
}

/**
 * A ConvNet's parameters (each with its gradient and optimizer state) and activations. A
 * convolution's output is held about four times in a training step (before and after bias and
 * ReLU, and their gradients), a pooling's twice plus its argmax; an evaluation batch holds each
 * output twice.
 */
function convnetAllocations(settings: Settings, evalRows: number): Allocation[] {
  const list: Allocation[] = [];
  const batch = `a batch of ${count(settings.batchSize)} images`;
  const evaluation = `an evaluation batch of ${count(evalRows)} images`;
  list.push({ what: `${batch} (inputs)`, bytes: f32s(settings.batchSize * PIXELS) });
  list.push({ what: `${evaluation} (inputs)`, bytes: f32s(evalRows * PIXELS) });
  for (const layer of summarize(convnetSpecs(settings)).layers) {
    for (const role of parameterRoles(settings))
      if (layer.parameters > 0)
        list.push({ what: `the weights of ${layer.name}${role}`, bytes: f32s(layer.parameters) });
    const size = layer.outputShape.reduce((a, b) => a * b, 1);
    const copies = layer.name.startsWith('Flatten') ? 0 : layer.name.startsWith('MaxPooling') ? 3 : 4;
    for (let i = 0; i < copies; i++)
      list.push({
        what: `the outputs of ${layer.name} for ${batch}`,
        bytes: f32s(settings.batchSize * size),
      });
    for (let i = 0; i < Math.min(copies, 2); i++)
      list.push({ what: `the outputs of ${layer.name} for ${evaluation}`, bytes: f32s(evalRows * size) });
  }
  return list;
}

function problem(settings: Settings, limits: SizeLimits, trainCount: number, testCount: number) {
  const list = runAllocations(settings, trainCount, testCount);
  const perBuffer = Math.min(limits.maxBufferSize, limits.maxStorageBufferBindingSize);
  const limitName =
    limits.maxStorageBufferBindingSize <= limits.maxBufferSize
      ? 'maxStorageBufferBindingSize'
      : 'maxBufferSize';
  const largest = list.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  if (largest.bytes > perBuffer)
    return `${largest.what} needs a ${formatBytes(largest.bytes)} buffer, but this GPU allows at most ${formatBytes(perBuffer)} in one buffer (its ${limitName} limit)`;
  const total = list.reduce((sum, a) => sum + a.bytes, 0);
  if (total > GPU_MEMORY_BUDGET)
    return `it would need about ${formatBytes(total)} of GPU memory, more than this app's limit of ${formatBytes(GPU_MEMORY_BUDGET)} (the largest part: ${largest.what}, ${formatBytes(largest.bytes)})`;
  return null;
}

/** Why these settings cannot run on a device with these limits, with the most hidden units that can; null if they fit. */
export function checkRunFits(
  settings: Settings,
  limits: SizeLimits,
  trainCount: number,
  testCount: number,
): string | null {
  const reason = problem(settings, limits, trainCount, testCount);
  if (!reason) return null;
  if (settings.model === 'convnet')
    return `This ConvNet is too large: ${reason}. Nothing was allocated. Try a smaller batch or fewer filters.`;
  // Memory grows with the hidden units, so the largest that fits is found by bisection.
  const fits = (hidden: number) => !problem({ ...settings, hidden }, limits, trainCount, testCount);
  let [lo, hi] = [0, settings.hidden];
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  const advice =
    lo > 0
      ? `With a batch of ${count(settings.batchSize)}, at most ${count(lo)} hidden units fit.`
      : 'Try a smaller batch.';
  return `A network with ${count(settings.hidden)} hidden units is too large: ${reason}. Nothing was allocated. ${advice}`;
}

/**
 * Why an imported Dense stack cannot be put on a device with these limits (one weight array past
 * the largest buffer, or the whole past this app's budget); null if it fits. Checked, as typed
 * settings are, before anything is allocated.
 */
export function checkStackFits(weights: readonly { length: number }[], limits: SizeLimits): string | null {
  const perBuffer = Math.min(limits.maxBufferSize, limits.maxStorageBufferBindingSize);
  const largest = Math.max(...weights.map((w) => f32s(w.length)));
  if (largest > perBuffer)
    return `This model is too large: one of its weight arrays needs a ${formatBytes(largest)} buffer, but this GPU allows at most ${formatBytes(perBuffer)} in one buffer. Nothing was allocated.`;
  const total = weights.reduce((n, w) => n + f32s(w.length), 0);
  if (total > GPU_MEMORY_BUDGET)
    return `This model is too large: its weights need ${formatBytes(total)} of GPU memory, more than this app's limit of ${formatBytes(GPU_MEMORY_BUDGET)}. Nothing was allocated.`;
  return null;
}
