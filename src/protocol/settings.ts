// Training settings: defaults (the book's run), and validation of typed or URL-supplied text (the
// URL query form itself is settingsQuery.ts).
import { BOOK_CONVNET, specsFromText, specsToText, summarize } from './layers';
import {
  DEFAULT_LEARNING_RATES,
  LEARNING_RATE_RANGE,
  learningRateError,
  OPTIMIZER_KINDS,
  OPTIMIZER_NAMES,
  type OptimizerKind,
} from './optimizers';

export type { OptimizerKind } from './optimizers';
export { DEFAULT_LEARNING_RATES, OPTIMIZER_KINDS, OPTIMIZER_NAMES } from './optimizers';

/** 'dense': the book's chapter 2 network (Dense(hidden) → Dense(10)); 'convnet': the ConvNet (third edition: chapter 8), editable. */
export type ModelKind = 'dense' | 'convnet';
export const MODEL_KINDS: ModelKind[] = ['dense', 'convnet'];

export interface Settings {
  epochs: number;
  batchSize: number;
  learningRate: number;
  hidden: number;
  seed: number;
  /** How many training images to use (the first N). */
  train: number;
  model: ModelKind;
  /** The ConvNet's hidden layers in the URL form of src/nn/architecture.ts (used when model is 'convnet'). */
  layers: string;
  /**
   * Train on images randomly shifted (±2 px), rotated (±10°) and scaled (±10%), drawn on the GPU
   * from the seed. A run saved before this setting existed has none: read it as `=== true`.
   */
  augment: boolean;
  /** Keras's SGD, RMSprop or Adam, with Keras's defaults but the learning rate (and SGD's momentum). */
  optimizer: OptimizerKind;
  /**
   * SGD's momentum, in [0, 1): 0 is plain gradient descent. Only SGD has it: validated settings of
   * another optimizer hold 0, as does a run saved before this setting existed.
   */
  momentum: number;
  /** SGD's Nesterov momentum; validated settings hold true only for SGD with momentum above 0. */
  nesterov: boolean;
  /**
   * Validation images: the last N of the training set held out (Keras's validation_split), measured
   * after each epoch; the test set is then measured once, at the end. 0: none (the book's first run).
   */
  validation: number;
  /** Early stopping's patience in epochs, on the held-out loss, back to the best weights. 0: off. */
  patience: number;
  /**
   * Train on my digits too: every batch mixes in some of the user's training digits, all of it
   * augmented (src/nn/mixedOrder.ts). A run saved before this setting existed has none: `=== true`.
   */
  myDigits: boolean;
}

/** The settings that are numbers, each checked by a Rule. */
type NumericSetting = Exclude<
  keyof Settings,
  'model' | 'layers' | 'augment' | 'optimizer' | 'nesterov' | 'myDigits'
>;
/** The settings that are on or off. */
type SwitchSetting = 'augment' | 'nesterov' | 'myDigits';

export type SettingsText = Record<keyof Settings, string>;
export type SettingsErrors = Partial<Record<keyof Settings, string>>;

export const DEFAULT_SETTINGS: Settings = {
  epochs: 5,
  batchSize: 128,
  learningRate: 0.001,
  hidden: 512,
  seed: 1,
  train: 60000,
  model: 'dense',
  layers: specsToText(BOOK_CONVNET),
  augment: false,
  optimizer: 'rmsprop',
  // Keras's defaults (keras.optimizers.SGD).
  momentum: 0,
  nesterov: false,
  validation: 0,
  patience: 0,
  myDigits: false,
};

/** MNIST's training images: validation images are held out of them. */
export const TRAINING_SET = 60000;

/** The images a run trains on: the first `train`, short of the validation images held out at the end. */
export function trainingImages(
  settings: Pick<Settings, 'train' | 'validation'>,
  total = TRAINING_SET,
): number {
  return Math.min(settings.train, total - (settings.validation ?? 0));
}

/** The ConvNet run (chapter 8) uses batches of 64, as the book does. */
export const CONVNET_BATCH = 64;

/** The URL query name of each setting. */
export const QUERY_NAMES: Record<keyof Settings, string> = {
  epochs: 'epochs',
  batchSize: 'batch',
  learningRate: 'lr',
  hidden: 'hidden',
  seed: 'seed',
  train: 'train',
  model: 'model',
  layers: 'layers',
  augment: 'augment',
  optimizer: 'optimizer',
  momentum: 'momentum',
  nesterov: 'nesterov',
  validation: 'validation',
  patience: 'patience',
  myDigits: 'mydigits',
};

interface Rule {
  label: string;
  integer: boolean;
  min: number;
  max: number;
  /** The value must stay below max (momentum 1 would never forget a gradient). */
  belowMax?: boolean;
}

// Upper bounds keep a typo from asking for hours of work. Two are wide on purpose: whether a network
// fits in GPU memory depends on the device, and is checked against its limits when training starts
// (modelSize.ts); a learning rate too high is caught when the loss stops being finite, so any rate
// the GPU can hold (a float32) is allowed.
const RULES: Record<NumericSetting, Rule> = {
  epochs: { label: 'Epochs', integer: true, min: 1, max: 100 },
  batchSize: { label: 'Batch size', integer: true, min: 1, max: 4096 },
  learningRate: { label: 'Learning rate', integer: false, ...LEARNING_RATE_RANGE },
  hidden: { label: 'Hidden units', integer: true, min: 1, max: 1_000_000 },
  seed: { label: 'Seed', integer: true, min: 0, max: 2 ** 31 - 1 },
  train: { label: 'Training images', integer: true, min: 1, max: 60000 },
  momentum: { label: 'Momentum', integer: false, min: 0, max: 1, belowMax: true },
  validation: { label: 'Validation images', integer: true, min: 0, max: TRAINING_SET - 1 },
  patience: { label: 'Early stopping patience', integer: true, min: 0, max: 100 },
};

export const SETTING_LABELS = {
  ...Object.fromEntries(Object.entries(RULES).map(([k, r]) => [k, r.label])),
  model: 'Model',
  layers: 'Layers',
  augment: 'Augment images',
  optimizer: 'Optimizer',
  nesterov: 'Nesterov',
  myDigits: 'Train on my digits too',
} as Record<keyof Settings, string>;

const NAMES = Object.keys(QUERY_NAMES) as (keyof Settings)[];

/** 0.000001, 4096, 1e38: a bound as a person would type it. */
function formatBound(n: number): string {
  return n >= 1e9 && Number.isInteger(Math.log10(n)) ? `1e${Math.log10(n)}` : String(n);
}

/** The settings that are words: the model kind, the optimizer, and the ConvNet's layers (checked as a stack). */
function validateWords(
  name: 'model' | 'layers' | 'optimizer',
  text: string,
): { value?: string; error?: string } {
  const trimmed = text.trim();
  if (name === 'model')
    return MODEL_KINDS.includes(trimmed as ModelKind)
      ? { value: trimmed }
      : { error: `Model must be one of ${MODEL_KINDS.join(', ')}.` };
  if (name === 'optimizer')
    return OPTIMIZER_KINDS.includes(trimmed as OptimizerKind)
      ? { value: trimmed }
      : { error: `Optimizer must be one of ${OPTIMIZER_KINDS.join(', ')}.` };
  const { specs, error } = specsFromText(trimmed);
  if (!specs) return { error: `Layers: ${error}` };
  const { problem } = summarize(specs);
  return problem ? { error: `Layers: ${problem}` } : { value: trimmed };
}

/** On or off: the form's 'true' and 'false', or a link's 1 and 0. */
function validateSwitch(name: SwitchSetting, text: string): { value?: boolean; error?: string } {
  const trimmed = text.trim();
  if (trimmed === 'true' || trimmed === '1') return { value: true };
  if (trimmed === 'false' || trimmed === '0') return { value: false };
  return { error: `${SETTING_LABELS[name]} must be 1 (on) or 0 (off).` };
}

export function validateSetting(
  name: keyof Settings,
  text: string,
): { value?: number | string | boolean; error?: string } {
  if (name === 'model' || name === 'layers' || name === 'optimizer') return validateWords(name, text);
  if (name === 'augment' || name === 'nesterov' || name === 'myDigits') return validateSwitch(name, text);
  const rule = RULES[name];
  const trimmed = text.trim();
  if (trimmed === '') return { error: `${rule.label} is required.` };
  // Number('') is 0 and Number('0x10') is 16: accept plain decimal notation only.
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed))
    return { error: `${rule.label} must be a number.` };
  const value = Number(trimmed);
  // The learning rate's range is the optimizers' own rule, with its message.
  if (name === 'learningRate') {
    const error = learningRateError(value);
    return error ? { error } : { value };
  }
  // Out of range first: "1e400" is Infinity, which is no whole number but, above all, too large.
  if (rule.belowMax && !(value >= rule.min && value < rule.max))
    return { error: `${rule.label} must be at least ${rule.min} and below ${rule.max}.` };
  if (!(value >= rule.min && value <= rule.max))
    return { error: `${rule.label} must be between ${formatBound(rule.min)} and ${formatBound(rule.max)}.` };
  if (rule.integer && !Number.isInteger(value)) return { error: `${rule.label} must be a whole number.` };
  return { value };
}

/** Settings that belong to SGD alone: with another optimizer they are hidden in the form, and not checked. */
const SGD_ONLY: (keyof Settings)[] = ['momentum', 'nesterov'];

export function validateSettings(text: SettingsText): { settings?: Settings; errors: SettingsErrors } {
  const errors: SettingsErrors = {};
  const values: Record<string, number | string | boolean> = {};
  const sgd = validateSetting('optimizer', text.optimizer).value === 'sgd';
  for (const name of NAMES) {
    if (!sgd && SGD_ONLY.includes(name)) continue;
    const { value, error } = validateSetting(name, text[name]);
    if (error) errors[name] = error;
    else values[name] = value as number | string | boolean;
  }
  if (Object.keys(errors).length > 0) return { errors };
  // One spelling for each run: no momentum outside SGD, and no Nesterov without momentum (Keras's
  // SGD(momentum=0, nesterov=True) is plain SGD), so links and compared runs differ only in what counts.
  const momentum = sgd ? (values.momentum as number) : 0;
  const settings = { ...values, momentum, nesterov: momentum > 0 && values.nesterov === true };
  return { settings: settings as unknown as Settings, errors };
}

export function settingsToText(settings: Settings): SettingsText {
  return Object.fromEntries(Object.entries(settings).map(([k, v]) => [k, String(v)])) as SettingsText;
}

/** "Adam" (as Keras spells it); a run saved before the setting existed trained with RMSprop. */
export function optimizerName(settings: Pick<Settings, 'optimizer'>): string {
  return OPTIMIZER_NAMES[settings.optimizer ?? 'rmsprop'];
}

/**
 * "SGD with Nesterov momentum 0.9", "Adam": the optimizer with what it was given beyond the rate,
 * for run names and summaries. A run saved before momentum was a setting had none.
 */
export function optimizerSummary(settings: Pick<Settings, 'optimizer' | 'momentum' | 'nesterov'>): string {
  const momentum = settings.momentum ?? 0;
  if (settings.optimizer !== 'sgd' || !(momentum > 0)) return optimizerName(settings);
  return `SGD with ${settings.nesterov === true ? 'Nesterov ' : ''}momentum ${momentum}`;
}

/**
 * The form after picking another optimizer: the learning rate follows to the new one's Keras
 * default when it was still the old one's default, and stays as typed otherwise.
 */
export function withOptimizer(text: SettingsText, next: OptimizerKind): SettingsText {
  const previous = validateSetting('optimizer', text.optimizer).value as OptimizerKind | undefined;
  const rate = Number(text.learningRate.trim());
  const wasDefault = previous !== undefined && rate === DEFAULT_LEARNING_RATES[previous];
  return {
    ...text,
    optimizer: next,
    learningRate: wasDefault ? String(DEFAULT_LEARNING_RATES[next]) : text.learningRate,
  };
}
