import { expect, test } from 'vitest';
import { defaultRunName } from '../../src/page/keeper';
import { DEFAULT_SETTINGS } from '../../src/protocol/settings';

const at = new Date('2026-11-22T06:55:12Z');

test('a saved run is named after its model, epochs, seed and start time', () => {
  expect(defaultRunName({ ...DEFAULT_SETTINGS, hidden: 32, epochs: 2, seed: 3 }, at)).toBe(
    'Hidden 32, lr 0.001, 2 epochs, seed 3 (2026-11-22 06:55 UTC)',
  );
  const convnet = { ...DEFAULT_SETTINGS, model: 'convnet' as const, layers: 'c32,p,c64,f,d64', epochs: 1 };
  expect(defaultRunName(convnet, at)).toBe(
    'ConvNet c32,p,c64,f,d64, lr 0.001, 1 epoch, seed 1 (2026-11-22 06:55 UTC)',
  );
});
