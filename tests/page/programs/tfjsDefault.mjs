// The TensorFlow.js program for the run on screen in Digits on WebGPU.
// Model: Dense(512, relu) → Dense(10, softmax).
// Training: RMSprop (lr 0.001), 5 epochs of 60,000 images, batch 128.
// It reads the MNIST files the app serves (mnist/): run it as a module script in a page beside them.
import * as tf from '@tensorflow/tfjs';

/** A gzipped IDX file: its dimensions and its bytes. */
async function readIdx(url) {
  const response = await fetch(url);
  const unzipped = response.body.pipeThrough(new DecompressionStream('gzip'));
  const bytes = new Uint8Array(await new Response(unzipped).arrayBuffer());
  const view = new DataView(bytes.buffer);
  const rank = bytes[3];
  const shape = Array.from({ length: rank }, (_, i) => view.getUint32(4 + 4 * i));
  return { shape, bytes: bytes.subarray(4 + 4 * rank) };
}

/** The first `count` images, pixels scaled to [0, 1], and their one-hot labels. */
async function loadMnist(images, labels, count) {
  const x = await readIdx('mnist/' + images);
  const y = await readIdx('mnist/' + labels);
  const pixels = Float32Array.from(x.bytes.subarray(0, count * 784), (v) => v / 255);
  return {
    images: tf.tensor(pixels, [count, 784]),
    labels: tf.oneHot(tf.tensor1d(Int32Array.from(y.bytes.subarray(0, count)), 'int32'), 10),
  };
}

const train = await loadMnist('train-images-idx3-ubyte.gz', 'train-labels-idx1-ubyte.gz', 60000);
const test = await loadMnist('t10k-images-idx3-ubyte.gz', 't10k-labels-idx1-ubyte.gz', 10000);

// TF.js has no global seed: the initial weights are seeded, the shuffling is not.
const model = tf.sequential();
model.add(tf.layers.dense({ inputShape: [784], units: 512, activation: 'relu', kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }) }));
model.add(tf.layers.dense({ units: 10, activation: 'softmax', kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }) }));
model.compile({
  // RMSprop as Keras defines it: rho 0.9, no momentum, epsilon 1e-7.
  optimizer: tf.train.rmsprop(0.001, 0.9, 0, 1e-7),
  loss: 'categoricalCrossentropy',
  metrics: ['accuracy'],
});
model.summary();
await model.fit(train.images, train.labels, {
  epochs: 5,
  batchSize: 128,
  shuffle: true,
  validationData: [test.images, test.labels], // the test curve on screen
});

const [, testAccuracy] = model.evaluate(test.images, test.labels);
console.log('test accuracy:', (await testAccuracy.data())[0].toFixed(4));
