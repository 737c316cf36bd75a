// Early stopping across a resume: the count comes from the checkpoint the run goes on from, and the
// best epoch's weights are found again (the checkpoint itself, the one kept before a device loss, or
// those a saved run sent), so the run stops and goes back where the whole run would have.
import { describe, expect, it } from 'vitest';
import type { Checkpoint } from '../../src/protocol/protocol';
import { DEFAULT_SETTINGS } from '../../src/protocol/settings';
import { resumedStopping } from '../../src/worker/resumedStopping';

const SETTINGS = { ...DEFAULT_SETTINGS, patience: 2 };

function checkpointAt(epoch: number, earlyStopping?: Checkpoint['earlyStopping']): Checkpoint {
  return {
    settings: SETTINGS,
    epoch,
    trained: true,
    weights: [new Float32Array(2).fill(epoch)],
    optimizerState: [null],
    iterations: epoch * 10,
    ...(earlyStopping ? { earlyStopping } : {}),
  };
}

describe('resumedStopping', () => {
  it('nothing to go on from: a checkpoint without a count (no early stopping, an old saved run)', () => {
    expect(resumedStopping(checkpointAt(3), null)).toBeNull();
    expect(resumedStopping(null, null)).toBeNull();
  });

  it('the checkpoint is the best epoch: it is what the run goes back to', () => {
    const from = checkpointAt(3, { best: 0.2, bestEpoch: 3, wait: 0 });
    expect(resumedStopping(from, null)).toEqual({
      progress: { best: 0.2, bestEpoch: 3, wait: 0 },
      best: from,
    });
  });

  it('after a device loss, the best checkpoint kept in the worker', () => {
    const kept = checkpointAt(2, { best: 0.2, bestEpoch: 2, wait: 0 });
    const from = checkpointAt(3, { best: 0.2, bestEpoch: 2, wait: 1 });
    const resumed = resumedStopping(from, kept);
    expect(resumed?.progress).toEqual({ best: 0.2, bestEpoch: 2, wait: 1 });
    expect(resumed?.best).toBe(kept);
  });

  it('after a reload, the best weights the saved run sent, without them in the count', () => {
    const bestWeights = [new Float32Array(2).fill(2)];
    const from = checkpointAt(4, { best: 0.2, bestEpoch: 2, wait: 2, bestWeights });
    const resumed = resumedStopping(from, checkpointAt(1));
    expect(resumed?.progress).toEqual({ best: 0.2, bestEpoch: 2, wait: 2 });
    expect(resumed?.best).toMatchObject({ epoch: 2, weights: bestWeights, settings: SETTINGS });
    expect(resumed?.best?.earlyStopping).toEqual({ best: 0.2, bestEpoch: 2, wait: 2 });
  });

  it('no weights for the best epoch anywhere: the count goes on, with nothing to go back to', () => {
    const from = checkpointAt(4, { best: 0.2, bestEpoch: 2, wait: 2 });
    expect(resumedStopping(from, null)?.best).toBeNull();
  });
});
