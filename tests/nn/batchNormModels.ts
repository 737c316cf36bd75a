// Small models with BatchNormalization, as Sequential stacks, shared by the CPU and GPU tests.
import type { Backend } from '../../src/backend/backend';
import { BatchNormalization } from '../../src/nn/batchNormalization';
import { Conv2D } from '../../src/nn/conv2d';
import { DeviceDataset } from '../../src/nn/dataset';
import { Dense } from '../../src/nn/dense';
import { Flatten } from '../../src/nn/flatten';
import type { Layer } from '../../src/nn/layer';
import { MaxPooling2D } from '../../src/nn/maxPooling2d';
import type { Optimizer } from '../../src/nn/optimizer';
import { Sequential } from '../../src/nn/sequential';
import { sgd } from '../../src/nn/sgd';

export const PIXELS = 784;
export const COUNT = 48;
export const pixels = Uint8Array.from({ length: COUNT * PIXELS }, (_, i) => ((i * 2654435761) >>> 24) & 255);
export const labels = Uint8Array.from({ length: COUNT }, (_, i) => (i * 7) % 10);

/** Dense(16, relu) → BatchNormalization → Dense(10, softmax), on flat images. */
export const denseBn = (): Layer[] => [
  new Dense(16, { activation: 'relu', inputShape: [PIXELS] }),
  new BatchNormalization(),
  new Dense(10, { activation: 'softmax' }),
];

/** Conv2D(3, relu) → BatchNormalization → MaxPooling2D → Flatten → Dense(8, relu) → BN → Dense(10, softmax). */
export const convBn = (): Layer[] => [
  new Conv2D(3, { activation: 'relu', inputShape: [28, 28, 1] }),
  new BatchNormalization(),
  new MaxPooling2D(),
  new Flatten(),
  new Dense(8, { activation: 'relu' }),
  new BatchNormalization(),
  new Dense(10, { activation: 'softmax' }),
];

export function compiled(
  backend: Backend,
  layers: Layer[],
  optimizer: Optimizer = sgd({ learningRate: 0.1 }),
) {
  const model = new Sequential(layers);
  model.compile({ backend, optimizer, loss: 'categoricalCrossentropy', seed: 3 });
  return model;
}

/** The model after `epochs` epochs of batches of 16 (3 steps each) over the 48 images. */
export async function trained(backend: Backend, layers: Layer[], epochs: number, optimizer?: Optimizer) {
  const data = DeviceDataset.upload(backend, pixels, labels, PIXELS);
  const model = compiled(backend, layers, optimizer);
  const logs = await model.fit(data, { epochs, batchSize: 16 });
  return { model, data, logs };
}
