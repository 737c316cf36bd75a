// The step mode's state: a Step waits for its own answer, keeps the last findings meanwhile, and
// what it found goes once the run goes on.
import { expect, test } from 'vitest';
import type { StepInspection } from '../../src/nn/stepInspection';
import { initialSnapshot, reduce, type StoreEvent } from '../../src/page/store';

const inspection = (step: number): StepInspection => ({
  step,
  rows: 100,
  lossBefore: 0.9,
  lossAfter: 0.8,
  layer: { kind: 'Dense', index: 0, units: 16 },
  changed: [{ unit: 3, change: 0.02 }],
  meanChange: 0.01,
});

const apply = (events: StoreEvent[]) => events.reduce(reduce, initialSnapshot);

test('a step is pending until its own answer comes, keeping the last findings meanwhile', () => {
  const first = apply([{ type: 'page:step', requestId: 4 }]);
  expect(first.step).toEqual({ requestId: 4, pending: true, inspection: null, error: null });
  const done = reduce(first, { type: 'stepped', requestId: 4, inspection: inspection(10) });
  expect(done.step).toEqual({ requestId: 4, pending: false, inspection: inspection(10), error: null });
  const next = reduce(done, { type: 'page:step', requestId: 5 });
  expect(next.step?.pending).toBe(true);
  expect(next.step?.inspection).toEqual(inspection(10));
  // Another request's answer (an Open's refusal) is not this step's.
  expect(reduce(next, { type: 'refused', requestId: 4, message: 'no' })).toBe(next);
  expect(reduce(next, { type: 'stepped', requestId: 3, inspection: inspection(11) })).toBe(next);
  const refused = reduce(next, { type: 'refused', requestId: 5, message: 'Pause the run first.' });
  expect(refused.step).toMatchObject({ pending: false, error: 'Pause the run first.' });
});

test('what a step found goes when the run goes on, ends or fails', () => {
  const stepped = apply([
    { type: 'page:step', requestId: 1 },
    { type: 'stepped', requestId: 1, inspection: inspection(3) },
  ]);
  expect(reduce(stepped, { type: 'resumed' }).step).toBeNull();
  expect(reduce(stepped, { type: 'stop' as never }).step).not.toBeNull();
  const gone = {
    type: 'done',
    test: null,
    stopped: true,
    seconds: 1,
    memory: { bytesInUse: 0, bytesOwned: 0 },
  };
  expect(reduce(stepped, gone as StoreEvent).step).toBeNull();
  expect(reduce(stepped, { type: 'error', kind: 'gpu', message: 'x', fatal: false }).step).toBeNull();
  expect(reduce(initialSnapshot, { type: 'resumed' })).toBe(initialSnapshot);
});
