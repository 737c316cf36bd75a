import type { DropoutMask } from '../backend/backend';
import type { Tape } from './tape';
import type { Tensor } from './tensor';

/**
 * Keras's inverted dropout: on a training step's tape (Tape.training) each unit is kept with
 * probability 1 − rate and scaled by 1/(1 − rate), else zeroed; elsewhere the identity (no
 * dispatch). The mask is hashed from (seed, step, salt, index), so backward redraws it with the same
 * kernel: dx = dy · mask / (1 − rate).
 */
export function dropout(tape: Tape, x: Tensor, rate: number, salt: number): Tensor {
  if (!(rate >= 0 && rate < 1)) throw new Error(`dropout: rate must be in [0, 1), got ${rate}`);
  const training = tape.training;
  if (!training || rate === 0) return x;
  const mask: DropoutMask = { rate, seed: training.seed, step: training.step, salt };
  const out = tape.tensor(x.shape, x.requiresGrad);
  tape.backend.dropout(out.storage, x.storage, x.size, mask);
  // After a ReLU, out > 0 exactly where the ReLU's output is and the unit is kept: the next dense
  // layer may apply the ReLU's mask on out in its gradient's epilogue (Tensor.reluOutput), which
  // only zeroes more of what this backward zeroes anyway, and saves the ReLU's own backward.
  out.reluOutput = x.reluOutput;
  tape.record(out, [x], (dy) => {
    const dx = tape.gradFor(x, x.size);
    tape.backend.dropout(dx, dy as NonNullable<typeof dy>, x.size, mask);
    if (tape.isMasked(dy)) tape.markMasked(dx);
    return [dx];
  });
  return out;
}
