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
  tape.record(out, [x], (dy) => {
    const dx = tape.gradFor(x, x.size);
    tape.backend.dropout(dx, dy as NonNullable<typeof dy>, x.size, mask);
    return [dx];
  });
  return out;
}
