import { expect, test } from 'vitest';
import { presetRunOf } from '../../src/page/presetRun';
import { PRESETS } from '../../src/page/presets';
import { DEFAULT_SETTINGS } from '../../src/protocol/settings';

function queueOf(id: string) {
  const preset = PRESETS.find((p) => p.id === id);
  if (!preset) throw new Error(id);
  const runs = preset.runs(DEFAULT_SETTINGS);
  return { label: preset.label, runs, names: runs.map(preset.runName) };
}

test('each run of a preset is named by what sets it apart, found by its settings in any key order', () => {
  const optimizers = queueOf('optimizers');
  const sgd = optimizers.runs[0];
  // The worker's copy of the settings: the same values, its keys in another order.
  const copy = Object.fromEntries(Object.entries(sgd).reverse()) as typeof sgd;
  expect(presetRunOf(optimizers, copy)).toBe('Run 1 of 3: SGD, learning rate 0.01');
  expect(presetRunOf(optimizers, optimizers.runs[2])).toBe('Run 3 of 3: Adam, learning rate 0.001');
  expect(presetRunOf(queueOf('learningRates'), { ...DEFAULT_SETTINGS, learningRate: 0.0001 })).toBe(
    'Run 3 of 3: learning rate 0.0001',
  );
  const overfitting = queueOf('overfitting');
  expect(overfitting.runs.map((run) => presetRunOf(overfitting, run))).toEqual([
    'Run 1 of 3: no regularization',
    'Run 2 of 3: Dropout(0.5)',
    'Run 3 of 3: L2(0.002)',
  ]);
});

test("a run that is not one of the queue's has no name", () => {
  expect(presetRunOf(queueOf('optimizers'), { ...DEFAULT_SETTINGS, seed: 12345 })).toBeNull();
});
