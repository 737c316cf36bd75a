// The flags of train:headless and gpu:check, read as the app reads its link: SGD's momentum and
// Nesterov are checked, and a bad one is refused with a message that names the flag.
import { describe, expect, test } from 'vitest';
import { sgdFlags } from '../../scripts/headless/sgdFlags';

/** What bookRunSettings reads of these flags, with the optimizer it was given (RMSprop unless named). */
const flags = (given: Record<string, string>) => {
  const optimizer = given.optimizer === 'sgd' ? 'sgd' : 'rmsprop';
  return { optimizer, ...sgdFlags((name) => given[name] ?? null, optimizer) };
};

describe('--momentum and --nesterov', () => {
  test("default to Keras's: no momentum, no Nesterov", () => {
    expect(flags({ optimizer: 'sgd' })).toEqual({ optimizer: 'sgd', momentum: 0, nesterov: false });
    expect(flags({})).toMatchObject({ optimizer: 'rmsprop', momentum: 0, nesterov: false });
  });

  test('--optimizer sgd --momentum 0.9 --nesterov 1 is SGD with Nesterov momentum', () => {
    expect(flags({ optimizer: 'sgd', momentum: '0.9', nesterov: '1' })).toMatchObject({
      momentum: 0.9,
      nesterov: true,
    });
    expect(flags({ optimizer: 'sgd', momentum: '0.5' })).toMatchObject({ momentum: 0.5, nesterov: false });
  });

  test('bad values, or momentum for another optimizer, are refused saying why', () => {
    expect(() => flags({ optimizer: 'sgd', momentum: '1' })).toThrow(
      '--momentum is a number at least 0 and below 1, not 1',
    );
    expect(() => flags({ optimizer: 'sgd', momentum: 'abc' })).toThrow('not abc');
    expect(() => flags({ optimizer: 'sgd', momentum: '' })).toThrow('--momentum is a number');
    expect(() => flags({ optimizer: 'sgd', momentum: '0.9', nesterov: 'yes' })).toThrow(
      '--nesterov is 1 (on) or 0 (off), not yes',
    );
    expect(() => flags({ optimizer: 'sgd', nesterov: '1' })).toThrow(
      '--nesterov 1 needs a --momentum above 0',
    );
    expect(() => flags({ momentum: '0.9' })).toThrow(
      "--momentum and --nesterov are SGD's options: add --optimizer sgd (not rmsprop)",
    );
  });
});
