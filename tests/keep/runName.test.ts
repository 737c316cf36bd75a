import { expect, test } from 'vitest';
import { defaultRunName } from '../../src/page/keeper';
import { DEFAULT_SETTINGS } from '../../src/protocol/settings';

const at = new Date('2026-11-22T06:55:12Z');

test('a saved run is named after its model, epochs, seed and start time', () => {
  expect(defaultRunName({ ...DEFAULT_SETTINGS, hidden: 32, epochs: 2, seed: 3 }, at)).toBe(
    'Hidden 32, RMSprop, lr 0.001, 2 epochs, seed 3 (2026-11-22 06:55 UTC)',
  );
  const convnet = { ...DEFAULT_SETTINGS, model: 'convnet' as const, layers: 'c32,p,c64,f,d64', epochs: 1 };
  expect(defaultRunName(convnet, at)).toBe(
    'ConvNet c32,p,c64,f,d64, RMSprop, lr 0.001, 1 epoch, seed 1 (2026-11-22 06:55 UTC)',
  );
});

test("an SGD run's name says its momentum, so runs that differ only in it can be told apart", () => {
  const sgd = { ...DEFAULT_SETTINGS, optimizer: 'sgd' as const, learningRate: 0.01 };
  expect(defaultRunName(sgd, at)).toBe('Hidden 512, SGD, lr 0.01, 5 epochs, seed 1 (2026-11-22 06:55 UTC)');
  expect(defaultRunName({ ...sgd, momentum: 0.9, nesterov: true }, at)).toBe(
    'Hidden 512, SGD with Nesterov momentum 0.9, lr 0.01, 5 epochs, seed 1 (2026-11-22 06:55 UTC)',
  );
});
