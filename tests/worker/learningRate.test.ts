// The learning rate has one rule and one setter: the form, a live change, a resumed run and the
// rate finder all go through the protocol's rule, and a model restored from a checkpoint trains on
// at the rate in effect when it was taken (set there once, not again at every stretch).
import { expect, test } from 'vitest';
import { CpuBackend } from '../../src/backend/cpu/cpuBackend';
import { LEARNING_RATE_ERROR, learningRateError } from '../../src/protocol/optimizers';
import { DEFAULT_SETTINGS, validateSetting } from '../../src/protocol/settings';
import { learningRateAt, restoreCheckpoint, takeCheckpoint } from '../../src/worker/checkpoint';
import { buildModel } from '../../src/worker/model';

const settings = { ...DEFAULT_SETTINGS, hidden: 4, learningRate: 0.002 };

test('one rule and one message, for the form and for the optimizer', () => {
  for (const bad of [0, -1, 1e-7, Number.NaN, Number.POSITIVE_INFINITY]) {
    expect(learningRateError(bad)).toBe(LEARNING_RATE_ERROR);
    const model = buildModel(new CpuBackend(), settings);
    expect(() => model.optimizer.setLearningRate(bad)).toThrow(LEARNING_RATE_ERROR);
    expect(model.optimizer.learningRate).toBe(0.002); // refused: nothing changed
  }
  expect(validateSetting('learningRate', '0.0000001').error).toBe(LEARNING_RATE_ERROR);
  expect(() => buildModel(new CpuBackend(), { ...settings, learningRate: 0 })).toThrow(LEARNING_RATE_ERROR);
  for (const good of [1e-6, 0.5, 1e38]) expect(learningRateError(good)).toBeNull();
});

test('a checkpoint carries the rate in effect: restoring it sets the optimizer once', async () => {
  const backend = new CpuBackend();
  const model = buildModel(backend, settings);
  const taken = await takeCheckpoint(model, settings, 1, true);
  expect(learningRateAt(taken)).toBe(0.002);
  const changed = { ...taken, rateChanges: [{ step: 3, rate: 0.05 }] };
  expect(learningRateAt(changed)).toBe(0.05);
  const resumed = buildModel(backend, settings);
  expect(resumed.optimizer.learningRate).toBe(0.002);
  restoreCheckpoint(backend, resumed, changed);
  expect(resumed.optimizer.learningRate).toBe(0.05);
  restoreCheckpoint(backend, resumed, taken);
  expect(resumed.optimizer.learningRate).toBe(0.002);
});
