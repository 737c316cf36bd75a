// The page matches the worker's answers to its requests (store/pad.ts), so the UI reads state only:
// the pad shows the reading of the latest request, a cleared pad takes no reading still on its way,
// only the last random test image asked for goes on the pad, and an opened model is announced.
import { expect, test } from 'vitest';
import {
  initialSnapshot,
  isAboutDrawing,
  reduce,
  type Snapshot,
  type StoreEvent,
} from '../../src/page/store';
import type { FromWorker } from '../../src/protocol/protocol';
import { DEFAULT_SETTINGS } from '../../src/protocol/settings';

const reading = (id: number): FromWorker => ({
  type: 'reading',
  id,
  probabilities: new Float32Array(10),
  trained: true,
  on: 'gpu',
  memory: null,
  saliency: new Float32Array(7840),
  activations: [],
});
const play = (events: StoreEvent[], from: Snapshot = initialSnapshot) => events.reduce(reduce, from);

test('the pad shows the reading of the latest request only', () => {
  let s = play([
    { type: 'page:drawing', cleared: false },
    { type: 'page:read', id: 1 },
    { type: 'page:read', id: 2 },
  ]);
  s = reduce(s, reading(1));
  expect(s.shownReading).toBeNull(); // superseded: its drawing or model is gone
  expect(s.reading?.id).toBe(1); // but it is a reading of this drawing (the opinion chart counts it)
  expect(isAboutDrawing(s, 1)).toBe(true);
  s = reduce(s, reading(2));
  expect(s.shownReading?.id).toBe(2);
  // A new drawing: readings asked before are about another one; the last shown stays until the next.
  s = play(
    [
      { type: 'page:drawing', cleared: false },
      { type: 'page:read', id: 3 },
    ],
    s,
  );
  expect(isAboutDrawing(s, 2)).toBe(false);
  expect(isAboutDrawing(s, 3)).toBe(true);
  expect(s.shownReading?.id).toBe(2);
});

test('a cleared pad takes no reading that was still on its way', () => {
  let s = play([
    { type: 'page:read', id: 1 },
    { type: 'page:drawing', cleared: true },
  ]);
  s = reduce(s, reading(1));
  expect(s.shownReading).toBeNull();
});

test('only the random test image asked for last goes on the pad, and each one sent gets a new id', () => {
  const image = (id: number, index: number): FromWorker => ({
    type: 'testImage',
    id,
    index,
    label: 7,
    pixels: new Uint8Array(784),
  });
  let s = play([{ type: 'page:testImage', id: 1 }, { type: 'page:testImage', id: 2 }, image(1, 10)]);
  expect(s.padImage).toBeNull();
  s = reduce(s, image(2, 1233));
  expect(s.padImage).toMatchObject({ caption: 'Test image #1234, labelled 7', id: 1 });
  s = reduce(s, { type: 'page:padImage', pixels: new Uint8Array(784), caption: 'from a gallery' });
  expect(s.padImage).toMatchObject({ caption: 'from a gallery', id: 2 });
});

test('an opened, resumed or imported model is announced as a new object each time', () => {
  const loaded: FromWorker = { type: 'loaded', settings: DEFAULT_SETTINGS, parameterCount: 1, epoch: 1 };
  const once = reduce(initialSnapshot, loaded);
  expect(once.arrived).toEqual({ how: 'loaded', settings: DEFAULT_SETTINGS });
  const twice = reduce(once, loaded);
  expect(twice.arrived).not.toBe(once.arrived);
  const imported = reduce(twice, { type: 'loaded', settings: null, parameterCount: 1, epoch: 0 });
  expect(imported.arrived).toEqual({ how: 'loaded', settings: null });
});
