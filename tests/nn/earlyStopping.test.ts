import { describe, expect, it } from 'vitest';
import { EarlyStopping } from '../../src/nn/earlyStopping';

/** The steps for a list of per-epoch losses, until the rule says stop. */
function run(patience: number, losses: number[]) {
  const rule = new EarlyStopping(patience);
  const steps: string[] = [];
  for (const [i, loss] of losses.entries()) {
    const step = rule.update(i + 1, loss);
    steps.push(step);
    if (step === 'stop') break;
  }
  return { steps, bestEpoch: rule.bestEpoch, best: rule.best, stoppedEpoch: rule.stoppedEpoch };
}

describe('EarlyStopping (Keras: monitor a loss, min_delta 0)', () => {
  it('stops once the loss has not improved for `patience` epochs, keeping the best epoch', () => {
    const result = run(2, [0.5, 0.4, 0.45, 0.41, 0.3]);
    expect(result.steps).toEqual(['improved', 'improved', 'waiting', 'stop']);
    expect(result).toMatchObject({ bestEpoch: 2, best: 0.4, stoppedEpoch: 4 });
  });

  it('with patience 1, stops at the first epoch that does not improve (the book ConvNet: epoch 5 after 4)', () => {
    const result = run(1, [0.05, 0.04, 0.035, 0.028, 0.031, 0.02]);
    expect(result).toMatchObject({ bestEpoch: 4, stoppedEpoch: 5 });
  });

  it('an improvement resets the wait; an equal loss is no improvement', () => {
    expect(run(2, [0.5, 0.6, 0.4, 0.6, 0.4]).steps).toEqual([
      'improved',
      'waiting',
      'improved',
      'waiting',
      'stop',
    ]);
  });

  it('never stops while the loss keeps falling', () => {
    const result = run(1, [0.5, 0.4, 0.3, 0.2]);
    expect(result.stoppedEpoch).toBeNull();
    expect(result.bestEpoch).toBe(4);
  });

  it('a loss that is not a number is no improvement', () => {
    expect(run(1, [0.5, Number.NaN]).steps).toEqual(['improved', 'stop']);
  });

  it('refuses a patience that is not a whole number of epochs', () => {
    expect(() => new EarlyStopping(0)).toThrow(/patience/);
    expect(() => new EarlyStopping(1.5)).toThrow(/patience/);
  });
});

describe('EarlyStopping resumed from the progress a checkpoint kept', () => {
  it('counts on as the whole run would: interrupted after epoch 3, it still stops after epoch 5', () => {
    const losses = [0.5, 0.4, 0.45, 0.46, 0.47];
    const whole = run(3, losses);
    expect(whole).toMatchObject({ bestEpoch: 2, stoppedEpoch: 5 });

    const first = new EarlyStopping(3);
    for (const [i, loss] of losses.slice(0, 3).entries()) first.update(i + 1, loss);
    expect(first.progress).toEqual({ best: 0.4, bestEpoch: 2, wait: 1 });
    const resumed = new EarlyStopping(3, first.progress);
    expect(resumed.update(4, losses[3])).toBe('waiting');
    expect(resumed.update(5, losses[4])).toBe('stop');
    expect(resumed).toMatchObject({ bestEpoch: 2, best: 0.4, stoppedEpoch: 5 });
  });
});
