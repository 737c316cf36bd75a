import type { Storage } from '../backend/backend';
import { type BatchNormShape, statsLength } from '../backend/batchNorm';
import type { Tape } from './tape';
import type { Tensor } from './tensor';

/**
 * Keras's BatchNormalization over the last axis (a Dense layer's units, a Conv2D's channels in
 * NHWC): y = γ · (x − μ)/√(σ² + ε) + β. On a training step's tape (Tape.training) μ and σ² are the
 * batch's (biased variance) and the same dispatch updates the moving statistics on the device
 * (moving = momentum · moving + (1 − momentum) · batch); elsewhere the moving ones are used, as
 * constants. `moving`: means at word 0, variances at statsStride(channels) (backend/batchNorm.ts).
 * Dispatches: 2 forward (1 at inference), 2 backward.
 */
export function batchNorm(
  tape: Tape,
  x: Tensor,
  gamma: Tensor,
  beta: Tensor,
  moving: Storage,
  { momentum, epsilon }: { momentum: number; epsilon: number },
): Tensor {
  const channels = x.shape[x.shape.length - 1];
  if (gamma.size !== channels || beta.size !== channels)
    throw new Error(`batchNorm: ${gamma.size} scales for [${x.shape}], expected ${channels}`);
  const shape: BatchNormShape = { rows: x.size / channels, channels, momentum, epsilon };
  const b = tape.backend;
  const training = tape.training !== null;
  let stats = moving;
  if (training) {
    stats = tape.alloc(statsLength(channels));
    b.batchNormStats(stats, moving, x.storage, shape);
  }
  const out = tape.tensor(x.shape, x.requiresGrad || gamma.requiresGrad || beta.requiresGrad);
  b.batchNormApply(out.storage, x.storage, stats, gamma.storage, beta.storage, shape);
  tape.record(out, [x, gamma, beta], (gradOut) => {
    const dy = gradOut as Storage;
    const dx = x.requiresGrad ? tape.gradFor(x, x.size) : null;
    // After a ReLU its mask rides in dx's kernel: the layer before records no reluBackward.
    const mask = x.reluOutput;
    if (dx && mask) tape.markMasked(dx);
    if (!training) {
      // The moving statistics are constants here (a saliency map): only the input's gradient.
      if (dx) b.batchNormInputGrad(dx, dy, x.storage, stats, gamma.storage, null, shape, mask);
      return [dx, null, null];
    }
    const dgamma = gamma.requiresGrad ? tape.gradFor(gamma, channels) : tape.alloc(channels);
    const dbeta = beta.requiresGrad ? tape.gradFor(beta, channels) : tape.alloc(channels);
    b.batchNormReduce(dgamma, dbeta, dy, x.storage, stats, shape);
    if (dx) b.batchNormInputGrad(dx, dy, x.storage, stats, gamma.storage, { dgamma, dbeta }, shape, mask);
    return [dx, dgamma, dbeta];
  });
  return out;
}
