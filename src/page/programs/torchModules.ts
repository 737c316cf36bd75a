// The PyTorch program's model, module by module, from the app's layers (Keras's): the program
// writes these modules into its nn.Sequential, and the weights file names its tensors by their
// indexes there ("0.weight", "0.bias", "2.weight", ...), so the two always agree. PyTorch's
// layers take images channels first: [batch, channels, height, width].
import type { ExportedLayer } from '../../protocol/protocol';

/** How a layer's weights go from Keras's layout to PyTorch's. */
export type WeightLayout =
  /** Conv2d: weight [filters, inChannels, 3, 3] from Keras's kernel [3, 3, inChannels, filters]. */
  | { kind: 'conv'; inChannels: number; filters: number }
  /**
   * Linear: weight [units, inputs], Keras's kernel [inputs, units] transposed. After a Flatten of
   * an image [height, width, channels], PyTorch's inputs come in (channel, row, column) order where
   * Keras's come in (row, column, channel): `flattened` is that image.
   */
  | { kind: 'linear'; inputs: number; units: number; flattened: readonly number[] | null }
  /** BatchNorm1d/2d: weight, bias, running_mean, running_var: Keras's gamma, beta, moving_mean, moving_variance. */
  | { kind: 'batchNorm'; channels: number };

export interface TorchModule {
  /** "nn.Conv2d(1, 32, 3)", "nn.ReLU()". */
  code: string;
  /** null for a module without weights. */
  weights: WeightLayout | null;
}

/** "Conv2D(32, 3x3, relu)", "Dense(10, softmax)": Keras's words, as the app names its layers. */
export function layerWords(layer: ExportedLayer): string {
  switch (layer.kind) {
    case 'conv':
      return `Conv2D(${layer.filters}, 3x3, ${layer.activation})`;
    case 'pool':
      return 'MaxPooling2D(2x2)';
    case 'flatten':
      return 'Flatten';
    case 'dense':
      return `Dense(${layer.units}, ${layer.activation})`;
    case 'dropout':
      return `Dropout(${layer.rate})`;
    case 'batchNorm':
      return 'BatchNormalization';
  }
}

/** "Dense(512, relu) → Dense(10, softmax)": the model, as the program and the weights file name it. */
export const modelWords = (layers: ExportedLayer[]) => layers.map(layerWords).join(' → ');

/**
 * The modules for `layers` on inputs of `inputShape` ([784], or [28, 28, 1] as height, width,
 * channels). A softmax output is no module: PyTorch's cross_entropy takes the logits.
 */
export function torchModules(inputShape: readonly number[], layers: ExportedLayer[]): TorchModule[] {
  const modules: TorchModule[] = [];
  let shape = [...inputShape];
  /** The image a Flatten just made flat, until the Linear that reads it. */
  let flattened: number[] | null = null;
  for (const layer of layers) {
    switch (layer.kind) {
      case 'conv': {
        const [height, width, inChannels] = shape;
        modules.push({
          code: `nn.Conv2d(${inChannels}, ${layer.filters}, 3)`,
          weights: { kind: 'conv', inChannels, filters: layer.filters },
        });
        shape = [height - 2, width - 2, layer.filters];
        break;
      }
      case 'pool':
        modules.push({ code: 'nn.MaxPool2d(2)', weights: null });
        shape = [Math.floor(shape[0] / 2), Math.floor(shape[1] / 2), shape[2]];
        break;
      case 'flatten':
        // On flat data Flatten changes nothing, in Keras and in PyTorch alike.
        modules.push({ code: 'nn.Flatten()', weights: null });
        if (shape.length > 1) flattened = shape;
        shape = [shape.reduce((a, b) => a * b, 1)];
        break;
      case 'dense': {
        const [inputs] = shape;
        modules.push({
          code: `nn.Linear(${inputs}, ${layer.units})`,
          weights: { kind: 'linear', inputs, units: layer.units, flattened },
        });
        flattened = null;
        shape = [layer.units];
        break;
      }
      case 'dropout':
        // PyTorch's Dropout is inverted dropout too, and the identity in eval().
        modules.push({ code: `nn.Dropout(${layer.rate})`, weights: null });
        break;
      case 'batchNorm': {
        // Per channel of an image (BatchNorm2d on PyTorch's [batch, channels, h, w]), per unit of
        // flat data; PyTorch's momentum is 1 − Keras's (0.99), its eps Keras's epsilon.
        const channels = shape[shape.length - 1];
        const module = shape.length > 1 ? 'BatchNorm2d' : 'BatchNorm1d';
        modules.push({
          code: `nn.${module}(${channels}, eps=1e-3, momentum=0.01)`,
          weights: { kind: 'batchNorm', channels },
        });
        break;
      }
    }
    if ((layer.kind === 'conv' || layer.kind === 'dense') && layer.activation === 'relu')
      modules.push({ code: 'nn.ReLU()', weights: null });
  }
  return modules;
}
