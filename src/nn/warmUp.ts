import type { Backend } from '../backend/backend';
import { CLASSES } from '../data/mnist';
import { DeviceDataset } from './dataset';
import { Dense } from './dense';
import { evaluateInDetail, inputGradients } from './insight';
import { Random } from './random';
import { rmsprop } from './rmsprop';
import { Sequential } from './sequential';

/**
 * The one warm-up, used by the app, the headless runner and the bench: picks the matmul variant for
 * this adapter (Backend.tuneMatmul, where the backend has variants), then, unless `compile` is
 * false, compiles every pipeline a dense run uses (train, evaluate with its confusion matrix,
 * predict, explain a drawing), on a throwaway model and random data. Pipelines depend on no size
 * (sizes are uniforms), so any later dense model reuses them: run this while the data downloads
 * and the first real step starts at once. On CPU-backed adapters compiling is most of the cold
 * start. A ConvNet's convolution and pooling kernels are compiled at its first step.
 */
export async function warmUp(
  backend: Backend,
  pixelsPerImage: number,
  batchSize: number,
  hidden: number,
  { compile = true } = {},
): Promise<void> {
  await backend.tuneMatmul?.([
    { m: batchSize, n: hidden, k: pixelsPerImage, transA: false, transB: false },
    { m: pixelsPerImage, n: hidden, k: batchSize, transA: true, transB: false },
  ]);
  if (!compile) return;
  const random = new Random(0);
  const count = 8;
  // Mostly background, as MNIST is: the batches take the same (sparse) kernels as a real run's.
  const pixels = Uint8Array.from({ length: count * pixelsPerImage }, () =>
    random.next() < 0.8 ? 0 : Math.floor(random.next() * 256),
  );
  const labels = Uint8Array.from({ length: count }, (_, i) => i % CLASSES);
  const data = DeviceDataset.upload(backend, pixels, labels, pixelsPerImage);
  const model = new Sequential([
    new Dense(hidden, { activation: 'relu', inputShape: [pixelsPerImage] }),
    new Dense(CLASSES, { activation: 'softmax' }),
  ]);
  model.compile({ backend, optimizer: rmsprop(), loss: 'categoricalCrossentropy' });
  try {
    await model.fit(data, { epochs: 1, batchSize: count });
    await evaluateInDetail(model, data);
    await model.predict(new Float32Array(pixelsPerImage));
    await inputGradients(model, new Float32Array(pixelsPerImage));
  } finally {
    model.dispose();
    data.dispose();
  }
}
