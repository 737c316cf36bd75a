import { describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../src/protocol/settings';
import { shownNetwork } from '../../src/ui/network';

const dense: Settings = { ...DEFAULT_SETTINGS, hidden: 32 };
const convnet: Settings = { ...DEFAULT_SETTINGS, model: 'convnet' };
const names = (settings: ReturnType<typeof shownNetwork>) => settings.layers?.map((l) => l.name);

describe('the network the picture shows', () => {
  test("before any run: the form's, not flagged (nothing else reads the pad)", () => {
    expect(names(shownNetwork(null, convnet, false))?.[0]).toBe('Conv2D(32, 3x3, relu)');
    expect(shownNetwork(null, convnet, false).untrained).toBe(false);
  });

  test('ConvNet picked after a Dense run: the ConvNet at once, flagged as not yet trained', () => {
    const shown = shownNetwork(dense, convnet, false);
    expect(names(shown)?.[0]).toBe('Conv2D(32, 3x3, relu)');
    expect(shown.untrained).toBe(true);
  });

  test("the same layers as the last run (another rate or seed): that run's network, not flagged", () => {
    const shown = shownNetwork(dense, { ...dense, learningRate: 0.01, seed: 9 }, false);
    expect(names(shown)).toEqual(['Dense(32, relu)', 'Dense(10, softmax)']);
    expect(shown.untrained).toBe(false);
  });

  test("while a run goes on: the run's, whatever the form says", () => {
    const shown = shownNetwork(dense, convnet, true);
    expect(names(shown)).toEqual(['Dense(32, relu)', 'Dense(10, softmax)']);
    expect(shown.untrained).toBe(false);
  });

  test("an invalid form (no settings): the last run's, else the defaults", () => {
    expect(names(shownNetwork(dense, undefined, false))).toEqual(['Dense(32, relu)', 'Dense(10, softmax)']);
    expect(names(shownNetwork(null, undefined, false))?.[0]).toBe('Dense(512, relu)');
  });
});
