// The Sequential layers for a stack of layer specs (the vocabulary is src/protocol/layers.ts).
import { CLASSES, IMAGE_SHAPE } from '../data/mnist';
import { type LayerSpec, summarize, type WeightPenalty } from '../protocol/layers';
import { BatchNormalization } from './batchNormalization';
import { Conv2D } from './conv2d';
import { Dense } from './dense';
import { Dropout } from './dropout';
import { Flatten } from './flatten';
import type { Layer } from './layer';
import { MaxPooling2D } from './maxPooling2d';

/** A spec's L1/L2 as Keras's kernel_regularizer, or nothing when it has neither. */
function kernelRegularizer(spec: WeightPenalty) {
  return spec.l1 || spec.l2 ? { kernelRegularizer: { l1: spec.l1 ?? 0, l2: spec.l2 ?? 0 } } : {};
}

/** `index`: the layer's place in the stack, which tells its Dropout mask from the others'. */
function layerFor(spec: LayerSpec, first: boolean, index: number): Layer {
  const input = first ? { inputShape: [...IMAGE_SHAPE] as [number, number, number] } : {};
  switch (spec.kind) {
    case 'conv':
      return new Conv2D(spec.filters, { activation: 'relu', ...input, ...kernelRegularizer(spec) });
    case 'pool':
      return new MaxPooling2D(input);
    case 'flatten':
      return new Flatten(input);
    case 'dense':
      return new Dense(spec.units, { activation: 'relu', ...kernelRegularizer(spec) });
    case 'dropout':
      return new Dropout(spec.rate, index, input);
    case 'batchNorm':
      return new BatchNormalization(input);
  }
}

/** The Sequential layers for a valid stack (summarize() says whether it is). */
export function buildLayers(specs: LayerSpec[]): Layer[] {
  const { problem } = summarize(specs);
  if (problem) throw new Error(`This model cannot be built: ${problem}`);
  const layers = specs.map((spec, i) => layerFor(spec, i === 0, i));
  layers.push(new Dense(CLASSES, { activation: 'softmax' }));
  return layers;
}
