// The live speed line: ms per step, images per second and effective GFLOP/s of a run, from the
// progress the worker reports and the model's multiply-adds. Pure, for the component and its test.
import { CLASSES, PIXELS } from '../data/mnist';
import { specsFromText, summarize } from '../protocol/layers';
import type { Progress } from '../protocol/protocol';
import type { Settings } from '../protocol/settings';
import { formatCount } from './format';

/**
 * FLOPs of one training step per image, counting the layers' multiply-adds (2 FLOPs each): every
 * layer's forward pass and weight gradient, and the input gradient of every layer but the first.
 * Bias, ReLU, pooling, softmax and RMSprop are O(outputs) and left out, as in the benchmark.
 */
export function trainingFlopsPerImage(settings: Pick<Settings, 'model' | 'layers' | 'hidden'>): number {
  const macs: number[] = [];
  if (settings.model === 'convnet') {
    const specs = specsFromText(settings.layers).specs ?? [];
    for (const layer of summarize(specs).layers) {
      // Pooling, Flatten and Dropout have none; BatchNormalization's are O(outputs), as bias and ReLU.
      if (layer.parameters === 0 || layer.name === 'BatchNormalization') continue;
      const channels = layer.outputShape.at(-1) ?? 1;
      const positions = layer.outputShape.reduce((a, b) => a * b, 1) / channels;
      macs.push((layer.parameters - channels) * positions);
    }
  } else {
    macs.push(PIXELS * settings.hidden, settings.hidden * CLASSES);
  }
  return macs.reduce((sum, m, i) => sum + 2 * m * (i === 0 ? 2 : 3), 0);
}

export interface Speed {
  msPerStep: number;
  imagesPerSecond: number;
  gflops: number;
}

export function speedOf(progress: Progress, settings: Settings): Speed | null {
  if (!(progress.imagesPerSecond > 0)) return null;
  return {
    msPerStep: (1000 * settings.batchSize) / progress.imagesPerSecond,
    imagesPerSecond: progress.imagesPerSecond,
    gflops: (progress.imagesPerSecond * trainingFlopsPerImage(settings)) / 1e9,
  };
}

/** "85.7 ms per step · 1,493 images/s · 2.4 GFLOP/s effective" */
export function describeSpeed(speed: Speed): string {
  const ms = speed.msPerStep < 10 ? speed.msPerStep.toFixed(2) : speed.msPerStep.toFixed(1);
  const gflops = speed.gflops < 10 ? speed.gflops.toFixed(2) : speed.gflops.toFixed(1);
  return `${ms} ms per step · ${formatCount(speed.imagesPerSecond)} images/s · ${gflops} GFLOP/s effective`;
}
