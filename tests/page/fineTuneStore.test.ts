// The latest fine-tune on the user's digits as the page keeps it (store/userDigits.ts): its progress
// and its result, for its own request only; a new request forgets the last one's result.
import { expect, test } from 'vitest';
import { initialSnapshot, reduce, type Snapshot, type StoreEvent } from '../../src/page/store';

const play = (events: StoreEvent[], from: Snapshot = initialSnapshot) => events.reduce(reduce, from);
const before = { digitsCorrect: 8, digitsTotal: 10, mnistAccuracy: 0.95 };
const after = { digitsCorrect: 10, digitsTotal: 10, mnistAccuracy: 0.96 };

test('progress and result are kept for the latest request only', () => {
  let s = play([
    { type: 'page:fineTune', requestId: 5, steps: 300 },
    { type: 'fineTuneProgress', requestId: 4, step: 100, steps: 300 },
    { type: 'fineTuneProgress', requestId: 5, step: 20, steps: 300 },
  ]);
  expect(s.fineTune).toMatchObject({ requestId: 5, step: 20, steps: 300, running: true, after: null });
  s = play(
    [
      { type: 'fineTuned', requestId: 4, before: null, after: null, cancelled: false, error: 'old' },
      { type: 'fineTuned', requestId: 5, before, after, cancelled: false, error: null },
    ],
    s,
  );
  expect(s.fineTune).toMatchObject({ running: false, before, after, error: null });
  s = play([{ type: 'page:fineTune', requestId: 6, steps: 300 }], s);
  expect(s.fineTune).toMatchObject({ requestId: 6, running: true, before: null, after: null });
});

test('a cancelled fine-tune keeps its before and no after', () => {
  const s = play([
    { type: 'page:fineTune', requestId: 1, steps: 300 },
    { type: 'fineTuned', requestId: 1, before, after: null, cancelled: true, error: null },
  ]);
  expect(s.fineTune).toMatchObject({ running: false, before, after: null, cancelled: true });
});
