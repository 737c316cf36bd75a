// The layer vocabulary both sides speak: a model as a list of layer specs (what the layer editor
// edits and the URL carries), their text form, and each layer's output shape and parameter count,
// with why a stack is impossible, in words. Pure logic; src/nn/architecture.ts builds the layers.
import { CLASSES, IMAGE_SHAPE } from '../data/mnist';

/** A layer's activation, as Keras names it. */
export type Activation = 'relu' | 'softmax' | 'linear';

/** The hidden layers; the output layer, Dense(10, softmax), is always added after them. */
export type LayerSpec =
  | ({ kind: 'conv'; filters: number } & WeightPenalty)
  | { kind: 'pool' }
  | { kind: 'flatten' }
  | ({ kind: 'dense'; units: number } & WeightPenalty)
  /** Keras's Dropout(rate): in training each unit is zeroed with probability rate, else scaled. */
  | { kind: 'dropout'; rate: number }
  /** Keras's BatchNormalization(): normalises the layer before it (after its ReLU) per unit or channel. */
  | { kind: 'batchNorm' };

/**
 * Keras's kernel_regularizer on a Dense or Conv2D layer: L1L2(l1, l2) adds l1·Σ|w| + l2·Σw² of its
 * kernel to the loss. Absent (or 0): none.
 */
export interface WeightPenalty {
  l1?: number;
  l2?: number;
}

/** The largest coefficient the editor and the link accept (Keras's default is 0.01). */
export const MAX_PENALTY = 1;

export const MAX_LAYERS = 12;
export const MAX_FILTERS = 256;
export const MAX_UNITS = 4096;

/** The book's ConvNet (chapter 5 of the first edition, chapter 8 of the third): conv32, pool, conv64, pool, conv64, flatten, dense64. */
export const BOOK_CONVNET: LayerSpec[] = [
  { kind: 'conv', filters: 32 },
  { kind: 'pool' },
  { kind: 'conv', filters: 64 },
  { kind: 'pool' },
  { kind: 'conv', filters: 64 },
  { kind: 'flatten' },
  { kind: 'dense', units: 64 },
];

export interface LayerSummary {
  /** As Keras's model.summary() names it: "Conv2D(32, 3x3, relu)". */
  name: string;
  outputShape: number[];
  parameters: number;
  /** Why this layer cannot follow the ones before it; null when it can. */
  problem: string | null;
}

/** ", L2 0.001", ", L1 1e-5, L2 0.001": a layer's regularizer in its name; "" when it has none. */
export function penaltyWords(spec: WeightPenalty): string {
  return `${spec.l1 ? `, L1 ${spec.l1}` : ''}${spec.l2 ? `, L2 ${spec.l2}` : ''}`;
}

export function layerName(spec: LayerSpec): string {
  switch (spec.kind) {
    case 'conv':
      return `Conv2D(${spec.filters}, 3x3, relu${penaltyWords(spec)})`;
    case 'pool':
      return 'MaxPooling2D(2x2)';
    case 'flatten':
      return 'Flatten';
    case 'dense':
      return `Dense(${spec.units}, relu${penaltyWords(spec)})`;
    case 'dropout':
      return `Dropout(${spec.rate})`;
    case 'batchNorm':
      return 'BatchNormalization';
  }
}

function penaltyProblem(spec: LayerSpec): string | null {
  if (spec.kind !== 'conv' && spec.kind !== 'dense') return null;
  for (const [name, value] of [
    ['L1', spec.l1],
    ['L2', spec.l2],
  ] as const)
    if (value !== undefined && !(value >= 0 && value <= MAX_PENALTY))
      return `${name} needs a coefficient from 0 to ${MAX_PENALTY} (Keras's default is 0.01).`;
  return null;
}

/** The problem with one layer given its input shape, or null. */
function problemOf(spec: LayerSpec, shape: number[]): string | null {
  const isImage = shape.length === 3;
  const penalty = penaltyProblem(spec);
  if (penalty) return penalty;
  switch (spec.kind) {
    case 'conv':
      if (!Number.isInteger(spec.filters) || spec.filters < 1 || spec.filters > MAX_FILTERS)
        return `Conv2D needs 1 to ${MAX_FILTERS} filters.`;
      if (!isImage) return 'Conv2D after Flatten or Dense is not possible: the data is no longer an image.';
      if (shape[0] < 3 || shape[1] < 3)
        return `The image is ${shape[0]}x${shape[1]} by here: a 3x3 convolution needs at least 3x3.`;
      return null;
    case 'pool':
      if (!isImage)
        return 'MaxPooling2D after Flatten or Dense is not possible: the data is no longer an image.';
      if (shape[0] < 2 || shape[1] < 2)
        return `The image is ${shape[0]}x${shape[1]} by here: 2x2 pooling needs at least 2x2.`;
      return null;
    case 'flatten':
      return null; // on flat data, a no-op (as in Keras)
    case 'dense':
      if (!Number.isInteger(spec.units) || spec.units < 1 || spec.units > MAX_UNITS)
        return `Dense needs 1 to ${MAX_UNITS} units.`;
      return isImage ? 'Dense needs a flat input: add a Flatten layer before it.' : null;
    case 'dropout':
      return spec.rate >= 0 && spec.rate < 1
        ? null
        : 'Dropout needs a rate from 0 to below 1 (0.5 drops half).';
    case 'batchNorm':
      return null; // per unit on flat data, per channel on an image
  }
}

function outputShape(spec: LayerSpec, shape: number[]): number[] {
  switch (spec.kind) {
    case 'conv':
      return [shape[0] - 2, shape[1] - 2, spec.filters];
    case 'pool':
      return [Math.floor(shape[0] / 2), Math.floor(shape[1] / 2), shape[2]];
    case 'flatten':
      return [shape.reduce((a, b) => a * b, 1)];
    case 'dense':
      return [spec.units];
    case 'dropout':
    case 'batchNorm':
      return shape;
  }
}

function parameterCount(spec: LayerSpec, shape: number[]): number {
  if (spec.kind === 'conv') return (9 * shape[2] + 1) * spec.filters;
  if (spec.kind === 'dense') return (shape[0] + 1) * spec.units;
  // As Keras's summary: gamma, beta (trained), moving_mean, moving_variance (not) per channel.
  if (spec.kind === 'batchNorm') return 4 * shape[shape.length - 1];
  return 0;
}

/**
 * Every layer of the stack, the output layer included, with its output shape and parameters, as
 * in Keras's summary. Shapes after the first impossible layer are not computed (shown empty).
 */
export function summarize(specs: LayerSpec[]): {
  layers: LayerSummary[];
  total: number;
  problem: string | null;
} {
  const layers: LayerSummary[] = [];
  let shape: number[] = [...IMAGE_SHAPE];
  let broken = false;
  const all: (LayerSpec | 'output')[] = [...specs, 'output'];
  for (const spec of all) {
    const name = spec === 'output' ? `Dense(${CLASSES}, softmax)` : layerName(spec);
    const asDense: LayerSpec = spec === 'output' ? { kind: 'dense', units: CLASSES } : spec;
    let problem = broken ? null : problemOf(asDense, shape);
    if (spec === 'output' && problem && !broken)
      problem = `The output layer Dense(${CLASSES}, softmax) needs a flat input: add a Flatten layer before it.`;
    if (broken || problem) {
      layers.push({ name, outputShape: [], parameters: 0, problem });
      broken = true;
      continue;
    }
    layers.push({
      name,
      outputShape: outputShape(asDense, shape),
      parameters: parameterCount(asDense, shape),
      problem,
    });
    shape = outputShape(asDense, shape);
  }
  let problem = layers.find((l) => l.problem)?.problem ?? null;
  if (!problem && specs.length > MAX_LAYERS) problem = `At most ${MAX_LAYERS} hidden layers.`;
  return { layers, total: layers.reduce((sum, l) => sum + l.parameters, 0), problem };
}

/** ":l1=1e-5:l2=0.001": a layer's regularizer in the URL form. */
const penaltyText = (s: WeightPenalty) => `${s.l1 ? `:l1=${s.l1}` : ''}${s.l2 ? `:l2=${s.l2}` : ''}`;

function specToText(s: LayerSpec): string {
  if (s.kind === 'conv') return `c${s.filters}${penaltyText(s)}`;
  if (s.kind === 'dense') return `d${s.units}${penaltyText(s)}`;
  if (s.kind === 'dropout') return `dr${s.rate}`;
  if (s.kind === 'batchNorm') return 'bn';
  return s.kind[0];
}

/** "c32,p,c64,p,c64,f,d64:l2=0.001,dr0.5": the URL form. */
export function specsToText(specs: LayerSpec[]): string {
  return specs.map(specToText).join(',');
}

/** ":l1=1e-5:l2=0.001" as numbers; null when one is not a number or is given twice. */
function penaltyFromText(text: string): WeightPenalty | null {
  const penalty: WeightPenalty = {};
  for (const part of text.split(':').slice(1)) {
    const [name, value] = part.toLowerCase().split('=') as ['l1' | 'l2', string];
    if (penalty[name] !== undefined || !/^(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(value)) return null;
    penalty[name] = Number(value);
  }
  return penalty;
}

/** Parses the URL form; a token that is not a layer is an error, with the token named. */
export function specsFromText(text: string): { specs?: LayerSpec[]; error?: string } {
  const specs: LayerSpec[] = [];
  const trimmed = text.trim();
  if (trimmed === '') return { specs };
  for (const token of trimmed.split(',')) {
    const t = token.trim();
    const m = /^([cd])(\d{1,5})((?::l[12]=[\d.e+-]+)*)$/i.exec(t);
    const penalty = m ? penaltyFromText(m[3]) : null;
    if (m && penalty)
      specs.push(
        m[1] === 'c'
          ? { kind: 'conv', filters: Number(m[2]), ...penalty }
          : { kind: 'dense', units: Number(m[2]), ...penalty },
      );
    else if (/^dr(\d*\.?\d+)$/.test(t)) specs.push({ kind: 'dropout', rate: Number(t.slice(2)) });
    else if (t === 'p') specs.push({ kind: 'pool' });
    else if (t === 'f') specs.push({ kind: 'flatten' });
    else if (t === 'bn') specs.push({ kind: 'batchNorm' });
    else
      return {
        error: `${JSON.stringify(t.slice(0, 20))} is not a layer (c<filters>, p, f, d<units>, dr<rate> or bn, comma-separated; c and d may end in :l1=<number> and :l2=<number>).`,
      };
  }
  if (specs.length > MAX_LAYERS) return { error: `At most ${MAX_LAYERS} hidden layers.` };
  return { specs };
}
