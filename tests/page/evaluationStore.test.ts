import { expect, test } from 'vitest';
import { initialSnapshot, reduce, type Snapshot, testImageCaption } from '../../src/page/store';
import type { FromWorker } from '../../src/protocol/protocol';
import { DEFAULT_SETTINGS } from '../../src/protocol/settings';
import { whyNoEvaluation } from '../../src/ui/hooks/useEvaluation';

const matrix = Uint32Array.of(3, 1, 0, 4);
const evaluated = (requestId: number): FromWorker => ({
  type: 'evaluated',
  requestId,
  test: { loss: 0.5, accuracy: 0.875 },
  confusion: { epoch: null, classes: 2, matrix },
  units: { inputs: 1, units: 2, weights: Float32Array.of(1, 2) },
});
const apply = (events: Parameters<typeof reduce>[1][], from: Snapshot = initialSnapshot) =>
  events.reduce(reduce, from);

test('an evaluation: asked, its progress, then its result fills the matrix and the tiles (no start to compare with)', () => {
  let s = apply([{ type: 'page:evaluate', requestId: 4 }]);
  expect(s.evaluation).toEqual({ requestId: 4, done: 0, total: 0, result: null, error: null });
  s = apply([{ type: 'evaluationProgress', requestId: 4, done: 3000, total: 10_000 }], s);
  expect([s.evaluation?.done, s.evaluation?.total]).toEqual([3000, 10_000]);
  s = reduce(s, evaluated(4));
  expect(s.evaluation?.result).toEqual({ loss: 0.5, accuracy: 0.875 });
  expect(s.evaluation?.done).toBe(10_000);
  expect(s.confusion).toEqual({ epoch: null, classes: 2, matrix });
  expect(s.units).toEqual({ step: 0, inputs: 1, units: 2, weights: Float32Array.of(1, 2) });
  expect(s.unitsAtStart).toBeNull();
});

test('an answer about a model that no longer answers is not shown', () => {
  const started: FromWorker = { type: 'started', settings: DEFAULT_SETTINGS, parameterCount: 1 };
  const s = apply([{ type: 'page:evaluate', requestId: 4 }, started, evaluated(4)]);
  expect(s.evaluation).toBeNull();
  expect(s.confusion).toBeNull();
  expect(s.units).toBeNull();
  // Another evaluation asked since: the older one's answer is not it.
  const t = apply([
    { type: 'page:evaluate', requestId: 4 },
    { type: 'page:evaluate', requestId: 5 },
    evaluated(4),
  ]);
  expect(t.evaluation?.result).toBeNull();
  expect(t.confusion).toBeNull();
});

test('a refused evaluation says why, and a new model clears the last result', () => {
  let s = apply([
    { type: 'page:evaluate', requestId: 2 },
    { type: 'evaluationFailed', requestId: 2, message: 'The test images are not loaded yet.' },
  ]);
  expect(s.evaluation?.error).toBe('The test images are not loaded yet.');
  s = apply([{ type: 'page:evaluate', requestId: 3 }, evaluated(3)], s);
  expect(s.evaluation?.error).toBeNull();
  s = reduce(s, { type: 'loaded', settings: null, parameterCount: 10, epoch: 0 });
  expect([s.evaluation, s.confusion, s.units]).toEqual([null, null, null]);
});

test('the evaluate button says why it cannot be used: no data, a run, a lost GPU', () => {
  expect(whyNoEvaluation('ready')).toBeNull();
  expect(whyNoEvaluation('loading')).toMatch(/still loading/);
  expect(whyNoEvaluation('noData')).toMatch(/could not be loaded/);
  for (const phase of ['training', 'paused', 'stopping'] as const)
    expect(whyNoEvaluation(phase)).toMatch(/until the run ends/);
  expect(whyNoEvaluation('lost')).toMatch(/reconnect/);
  expect(whyNoEvaluation('starting')).toMatch(/no model yet/);
});

test('a test image on the pad is named as the galleries count (from 1) with its label', () => {
  expect(testImageCaption(1233, 7)).toBe('Test image #1234, labelled 7');
});
