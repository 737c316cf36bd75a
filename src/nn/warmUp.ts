import type { Backend } from '../backend/backend';
import { CLASSES, PIXELS } from '../data/mnist';
import { buildLayers } from './architecture';
import { DeviceDataset } from './dataset';
import { Dense } from './dense';
import { evaluateInDetail, inputGradients } from './insight';
import { DEFAULT_LEARNING_RATES, type OptimizerKind } from './optimizer';
import { optimizerOf } from './optimizers';
import { Random } from './random';
import { Sequential } from './sequential';

export interface WarmUpOptions {
  /** False: choose the matmul variant only, and let every pipeline compile at its first use. */
  compile?: boolean;
  /** The optimizer the run will use, whose pipeline is compiled with the rest (RMSprop by default, the book's). */
  optimizer?: OptimizerKind;
}

/**
 * The one warm-up, used by the app, the headless runner and the bench: picks the matmul variant for
 * this adapter (Backend.tuneMatmul, where the backend has variants), then, unless `compile` is
 * false, compiles every pipeline a dense run uses (train, evaluate with its confusion matrix,
 * predict, explain a drawing, and the update of the run's optimizer: each optimizer is one more
 * pipeline, so only the one named is compiled), on a throwaway model and random data. Pipelines depend on no size
 * (sizes are uniforms), so any later dense model reuses them: run this while the data downloads
 * and the first real step starts at once. On CPU-backed adapters compiling is most of the cold
 * start. The convolution and pooling kernels are compiled the same way, on a small ConvNet (their
 * pipelines depend on no size either), so a ConvNet's first step is not a cold one.
 */
export async function warmUp(
  backend: Backend,
  pixelsPerImage: number,
  batchSize: number,
  hidden: number,
  { compile = true, optimizer = 'rmsprop' }: WarmUpOptions = {},
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
  // Every op of the editor's stacks: conv (with the split-K kernel gradient), pool, flatten, dense.
  const convnet =
    pixelsPerImage === PIXELS
      ? new Sequential(
          buildLayers([
            { kind: 'conv', filters: 4 },
            { kind: 'pool' },
            { kind: 'conv', filters: 4 },
            { kind: 'flatten' },
            { kind: 'dense', units: 8 },
          ]),
        )
      : null;
  try {
    for (const m of convnet ? [model, convnet] : [model]) {
      m.compile({
        backend,
        optimizer: optimizerOf(optimizer, DEFAULT_LEARNING_RATES[optimizer]),
        loss: 'categoricalCrossentropy',
      });
      await m.fit(data, { epochs: 1, batchSize: count });
      await evaluateInDetail(m, data);
      await m.predict(new Float32Array(pixelsPerImage));
      await inputGradients(m, new Float32Array(pixelsPerImage));
    }
  } finally {
    model.dispose();
    convnet?.dispose();
    data.dispose();
  }
}
