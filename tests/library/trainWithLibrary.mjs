// The engine used as a library, the way the README's "Use the engine" shows it: everything comes from
// the package's own entry ('digits-on-webgpu' → dist-lib/, made by `npm run build:lib`), nothing
// from src/. In Node, WebGPU comes from Dawn (npm package `webgpu`); in a page it is navigator.gpu.
// Prints one JSON line: what was trained and how well.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { create, globals } from 'webgpu';

// Dawn's GPU* globals and navigator.gpu first: the engine reads GPUBufferUsage when it loads.
Object.assign(globalThis, globals);
Object.defineProperty(globalThis, 'navigator', { value: { gpu: create([]) }, configurable: true });
const library = 'digits-on-webgpu';
const {
  Dense,
  DeviceDataset,
  Sequential,
  WebGPUBackend,
  parseIdxImages,
  parseIdxLabels,
  requestGpuDevice,
  rmsprop,
} = await import(library);

// MNIST as the data step writes it (public/mnist/*.gz).
const read = (name) => gunzipSync(readFileSync(`public/mnist/${name}.gz`));
const trainImages = parseIdxImages(read('train-images-idx3-ubyte'), 'train-images-idx3-ubyte');
const trainLabels = parseIdxLabels(read('train-labels-idx1-ubyte'), 'train-labels-idx1-ubyte');
const testImages = parseIdxImages(read('t10k-images-idx3-ubyte'), 't10k-images-idx3-ubyte');
const testLabels = parseIdxLabels(read('t10k-labels-idx1-ubyte'), 't10k-labels-idx1-ubyte');

const { device, adapterName } = await requestGpuDevice();
const backend = new WebGPUBackend(device);
const count = 4000;
const train = DeviceDataset.upload(
  backend,
  trainImages.pixels.subarray(0, count * 784),
  trainLabels.labels.subarray(0, count),
  784,
);
const test = DeviceDataset.upload(
  backend,
  testImages.pixels.subarray(0, 2000 * 784),
  testLabels.labels.subarray(0, 2000),
  784,
);

const model = new Sequential([
  new Dense(128, { activation: 'relu', inputShape: [784] }),
  new Dense(10, { activation: 'softmax' }),
]);
model.compile({
  backend,
  optimizer: rmsprop({ learningRate: 0.001 }),
  loss: 'categoricalCrossentropy',
  seed: 1,
});
const history = await model.fit(train, { epochs: 5, batchSize: 128 });
const { loss, accuracy } = await model.evaluate(test);

console.log(
  JSON.stringify({
    library: import.meta.resolve(library),
    adapter: adapterName,
    trainAccuracy: history.map((epoch) => epoch.accuracy),
    test: { loss, accuracy },
  }),
);
device.destroy();
