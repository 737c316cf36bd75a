import { expect, test } from 'vitest';
import { initialSnapshot, reduce } from '../../src/page/store';
import type { FromWorker } from '../../src/protocol/protocol';
import { DEFAULT_SETTINGS } from '../../src/protocol/settings';

const started: FromWorker = { type: 'started', settings: DEFAULT_SETTINGS, parameterCount: 1 };
const units = (step: number, value: number): FromWorker => ({
  type: 'units',
  step,
  inputs: 1,
  units: 2,
  weights: Float32Array.of(value, value),
});

test('the insight messages: confusion, gallery and units, all cleared by a new run', () => {
  const matrix = Uint32Array.of(3, 1, 0, 4);
  const gallery: FromWorker = {
    type: 'gallery',
    id: 7,
    query: { kind: 'mistakes' },
    total: 1,
    items: [{ index: 5, label: 0, predicted: 1, top: [{ digit: 1, probability: 0.9 }] }],
    pixels: new Uint8Array(784),
  };
  let s = [
    started,
    units(0, 1),
    units(5, 2),
    { type: 'confusion', epoch: 0, classes: 2, matrix } as FromWorker,
    gallery,
  ].reduce(reduce, initialSnapshot);
  expect(s.confusion).toEqual({ epoch: 0, classes: 2, matrix });
  expect(s.gallery?.id).toBe(7);
  expect(s.units?.step).toBe(5);
  expect(Array.from(s.unitsAtStart ?? [])).toEqual([1, 1]); // the run's first read is its start
  s = reduce(s, started);
  expect([s.confusion, s.gallery, s.units, s.unitsAtStart]).toEqual([null, null, null, null]);
});

test('a reading keeps its explanation: the saliency and the activations', () => {
  const saliency = new Float32Array(7840);
  const activations = [new Float32Array(4)];
  const reading = {
    type: 'reading',
    id: 1,
    probabilities: new Float32Array(10),
    trained: true,
    on: 'gpu',
    memory: null,
    saliency,
    activations,
  } as const;
  expect(reduce(initialSnapshot, reading).reading?.saliency).toBe(saliency);
  expect(reduce(initialSnapshot, reading).reading?.activations).toBe(activations);
});
