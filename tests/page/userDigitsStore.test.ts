// The page matches the user's digits' readings and the speedrun's progress to its own requests
// (store/userDigits.ts, store/speedrun.ts), so the UI reads state and never the worker's messages.
import { expect, test } from 'vitest';
import { initialSnapshot, reduce, type Snapshot, type StoreEvent } from '../../src/page/store';
import type { SpeedrunProgress } from '../../src/protocol/speedrun';

const play = (events: StoreEvent[], from: Snapshot = initialSnapshot) => events.reduce(reduce, from);
const digitsRead = (id: number, digits: number[] | null): StoreEvent => ({
  type: 'digitsRead',
  id,
  digits: digits && Uint8Array.from(digits),
});

test("the digits' reading kept is the answer to the latest request only", () => {
  let s = play([{ type: 'page:readDigits', id: 3 }, { type: 'page:readDigits', id: 4 }, digitsRead(3, [1])]);
  expect(s.digitsRead).toBeNull();
  s = play([digitsRead(4, [7, 2])], s);
  expect(s.digitsRead?.id).toBe(4);
  expect([...(s.digitsRead?.digits ?? [])]).toEqual([7, 2]);
  s = play([digitsRead(4, null)], s);
  expect(s.digitsRead).toEqual({ id: 4, digits: null });
});

test('the answering model counts as changed after an epoch, a run, an opened run and a restored device', () => {
  const changes: StoreEvent[] = [
    { type: 'done', stopped: false } as StoreEvent,
    { type: 'restored', epoch: 1 },
  ];
  const s = play(changes);
  expect(s.answeringModelVersion).toBe(2);
  expect(play([{ type: 'page:readDigits', id: 1 }]).answeringModelVersion).toBe(0);
});

test("the speedrun's progress is the latest report, gone when a new one is asked for", () => {
  const progress: SpeedrunProgress = {
    type: 'speedrunProgress',
    phase: 'done',
    target: 0.99,
    adapter: 'swiftshader',
    fallback: true,
    warmUpSeconds: 1,
    evaluations: [],
    seconds: 2,
    fullRecipe: true,
    error: null,
  };
  const s = play([progress]);
  expect(s.speedrun).toBe(progress);
  expect(play([{ type: 'page:speedrun' }], s).speedrun).toBeNull();
});
