// RunKeeper on its own, in real Chromium (IndexedDB, Web Locks), with a fake worker client whose
// answers the test plays: a saved run holds only its own charts, Save now acts only on the run on
// screen, the best epoch is kept, and a run trained in another tab (its lock held) is not resumed here.
import { afterEach, describe, expect, test, vi } from 'vitest';
import { RunKeeper } from '../../src/page/keeper';
import { webLocks } from '../../src/page/runLocks';
import { type SavedRun, SavedRuns, toSavedRun } from '../../src/page/savedRuns';
import type { FromWorker } from '../../src/protocol/protocol';
import { epochOf, FakeClient, SETTINGS, SHAPES } from './fakeClient';

let databases = 0;
const opened: SavedRuns[] = [];

/** A keeper on a database of its own, and a second connection to it (another tab, or a look inside). */
async function setUp() {
  const name = `keeper-test-${Date.now()}-${databases++}`;
  const client = new FakeClient();
  const keeper = new RunKeeper(client, { open: (_, hooks) => SavedRuns.open(name, hooks) });
  const store = await SavedRuns.open(name);
  opened.push(store);
  await vi.waitFor(() => expect(keeper.getSnapshot().available).toBe(true));
  const play = (messages: FromWorker[]) => {
    for (const message of messages) client.emit(message);
  };
  return { client, keeper, store, play };
}

afterEach(() => {
  for (const store of opened.splice(0)) store.close();
});

/** Another saved run, written straight into the store: 2 epochs, its own curve and loss of 9. */
async function savedElsewhere(store: SavedRuns, id: string, epoch = 2): Promise<SavedRun> {
  const epochs = Array.from({ length: epoch }, (_, i) => ({
    epoch: i + 1,
    trainLoss: 9,
    trainAccuracy: 0.1,
    testLoss: 9 - i,
    testAccuracy: 0.1,
  }));
  const curve = epochs.map((e) => ({ step: e.epoch * 10, loss: 9, accuracy: 0.1, batches: 10, reports: 2 }));
  const run = toSavedRun(
    { id, name: `Saved ${id}`, createdAt: 1, updatedAt: 1, testAccuracy: 0.1 },
    {
      settings: SETTINGS,
      epoch,
      trained: true,
      weights: [new Float32Array(4).fill(90 + epoch)],
      optimizerState: [null],
      iterations: epoch * 10,
    },
    SHAPES,
    { curve, curveStride: 1, epochs, rateChanges: [{ step: 3, rate: 0.5 }] },
  );
  await store.put(run);
  return run;
}

/** The keeper's own run (the one it trained), as stored. */
async function trained(keeper: RunKeeper, store: SavedRuns): Promise<SavedRun> {
  const id = keeper.getSnapshot().currentId;
  if (!id) throw new Error('no run trained');
  const run = await store.get(id);
  if (!run) throw new Error('the trained run is not saved');
  return run;
}

describe('a saved run holds only its own data', () => {
  test('after opening another saved run, Save now is off, says why, and the trained run keeps its own charts', async () => {
    const { client, keeper, store, play } = await setUp();
    play([{ type: 'started', settings: SETTINGS, parameterCount: 12 }, ...epochOf(1, 0.4, 0.3)]);
    await vi.waitFor(() =>
      expect(keeper.getSnapshot().message?.text).toMatch(/^Saved ".*" after epoch 1\.$/),
    );
    expect(keeper.getSnapshot().saveOff).toBeNull();
    await savedElsewhere(store, 'x');

    await keeper.open('x');
    client.emit({
      type: 'loaded',
      settings: SETTINGS,
      parameterCount: 12,
      epoch: 2,
      requestId: client.lastRequest().requestId,
    });
    const keep = keeper.getSnapshot();
    expect(keep.shown).toMatchObject({ name: 'Saved x', epoch: 2 });
    expect(keep.saveOff).toBe(
      'the page shows the saved run "Saved x" as it is saved (Save now saves a run trained in this page).',
    );
    await keeper.saveNow();

    const own = await trained(keeper, store);
    expect(own.data.history.curve.map((p) => p.loss)).toEqual([0.4, 0.4]);
    expect(own.data.history.epochs.map((e) => e.testLoss)).toEqual([0.3]);
    expect(own.data.history.rateChanges).toEqual([]);
    expect(own.testAccuracy).toBeCloseTo(0.97);
  });

  test('a Resume the worker refuses leaves the trained run on screen: Save now saves its own charts', async () => {
    const { client, keeper, store, play } = await setUp();
    play([{ type: 'started', settings: SETTINGS, parameterCount: 12 }, ...epochOf(1, 0.4, 0.3)]);
    await vi.waitFor(() => expect(keeper.getSnapshot().runs).toHaveLength(1));
    await savedElsewhere(store, 'x', 1);
    await keeper.resume('x');
    client.emit({ type: 'refused', requestId: client.lastRequest().requestId, message: 'No GPU.' });
    expect(keeper.getSnapshot().message?.text).toBe('No GPU.');
    expect(keeper.getSnapshot().saveOff).toBeNull();
    await keeper.saveNow();
    const own = await trained(keeper, store);
    expect(own.data.history.curve.map((p) => p.loss)).toEqual([0.4, 0.4]);
    expect(own.epoch).toBe(1);
  });

  test('an imported model is shown only once the worker has it; Save now is off while it answers', async () => {
    const { client, keeper } = await setUp();
    expect(keeper.getSnapshot().saveOff).toBe(
      'nothing is trained yet (a run is saved at the end of each epoch).',
    );
    const weights = new Float32Array(7850).fill(0.01);
    const modelJson = JSON.stringify({
      format: 'layers-model',
      modelTopology: {
        class_name: 'Sequential',
        config: {
          layers: [
            {
              class_name: 'Dense',
              config: { name: 'dense', units: 10, activation: 'softmax', batch_input_shape: [null, 784] },
            },
          ],
        },
      },
      weightsManifest: [
        {
          paths: ['./w.bin'],
          weights: [
            { name: 'dense/kernel', shape: [784, 10], dtype: 'float32' },
            { name: 'dense/bias', shape: [10], dtype: 'float32' },
          ],
        },
      ],
    });
    await keeper.importFiles([new File([modelJson], 'model.json'), new File([weights], 'w.bin')]);
    expect(client.sent.map((s) => s.type)).toEqual(['import']);
    expect(keeper.getSnapshot().shown).toBeNull();
    client.emit({ type: 'loaded', settings: null, parameterCount: 7850, epoch: 0 });
    expect(keeper.getSnapshot().shown).toMatchObject({ name: 'model.json (784 → 10)', epoch: null });
    expect(keeper.getSnapshot().saveOff).toMatch(/^the pad uses an imported model, not a run/);
  });

  test("a resumed run's record is its saved charts up to its epoch, then its own; the comparison reads each run's own", async () => {
    const { client, keeper, store, play } = await setUp();
    await savedElsewhere(store, 'x', 1);
    await keeper.resume('x');
    const request = client.lastRequest();
    expect([request.type, request.checkpoint.epoch, request.checkpoint.rateChanges]).toEqual([
      'continue',
      1,
      [{ step: 3, rate: 0.5 }],
    ]);
    play([
      { type: 'continued', settings: SETTINGS, parameterCount: 12, epoch: 1, requestId: request.requestId },
    ]);
    play(epochOf(2, 0.2, 0.1));
    await vi.waitFor(async () => expect((await store.get('x'))?.epoch).toBe(2));
    const x = await store.get('x');
    expect(x?.data.history.curve.map((p) => [p.step, p.loss])).toEqual([
      [10, 9],
      [15, 0.2],
      [20, 0.2],
    ]);
    expect(x?.data.history.epochs.map((e) => e.testLoss)).toEqual([9, 0.1]);
    // Another saved run opened since: the page shows it, but the run this page trained is compared with its own.
    await savedElsewhere(store, 'y');
    await keeper.open('y');
    client.emit({
      type: 'loaded',
      settings: SETTINGS,
      parameterCount: 12,
      epoch: 2,
      requestId: client.lastRequest().requestId,
    });
    const live = keeper.liveRun();
    expect(live?.id).toBe('x');
    expect(live?.history.curve.map((p) => p.loss)).toEqual([9, 0.2, 0.2]);
    expect((await keeper.comparedRun('y')).history.epochs.map((e) => e.testLoss)).toEqual([9, 8]);
  });
});

describe('the best epoch is kept', () => {
  test('a worse epoch is saved as the latest, the best stays, and Open best opens its weights', async () => {
    const { client, keeper, store, play } = await setUp();
    play([{ type: 'started', settings: SETTINGS, parameterCount: 12 }, ...epochOf(1, 0.4, 0.3)]);
    await vi.waitFor(() => expect(keeper.getSnapshot().message?.text).toMatch(/after epoch 1\.$/));
    play(epochOf(2, 3, 2.5));
    await vi.waitFor(() => expect(keeper.getSnapshot().message?.text).toMatch(/after epoch 2\.$/));
    const run = await trained(keeper, store);
    expect([run.epoch, run.best?.epoch]).toEqual([2, 1]);
    const [listed] = keeper.getSnapshot().runs;
    expect('best' in listed && listed.best?.epoch).toBe(1);

    await keeper.open(run.id, 'best');
    const request = client.lastRequest();
    expect([request.checkpoint.epoch, request.checkpoint.weights[0][0]]).toEqual([1, 1]);
    expect(request.history.epochs.map((e) => e.epoch)).toEqual([1]);
    client.emit({
      type: 'loaded',
      settings: SETTINGS,
      parameterCount: 12,
      epoch: 1,
      requestId: request.requestId,
    });
    expect(keeper.getSnapshot().shown).toMatchObject({ epoch: 1, best: true });
  });
});

describe('two tabs and one run', () => {
  test('a run another tab holds is not resumed here, and says why; a run is held while it trains and let go when it ends', async () => {
    const { client, keeper, store, play } = await setUp();
    await savedElsewhere(store, 'z', 1);
    const otherTab = await webLocks().take('z');
    expect(otherTab).not.toBeNull();
    await keeper.resume('z');
    expect(client.sent).toEqual([]);
    expect(keeper.getSnapshot().message?.text).toBe(
      '"Saved z" is training in another tab: resume it there, or here once it stops.',
    );
    expect(keeper.getSnapshot().pending).toBe(false);
    otherTab?.();

    await keeper.resume('z');
    play([
      {
        type: 'continued',
        settings: SETTINGS,
        parameterCount: 12,
        epoch: 1,
        requestId: client.lastRequest().requestId,
      },
    ]);
    expect(await webLocks().take('z')).toBeNull();
    play([
      {
        type: 'done',
        test: null,
        stopped: true,
        seconds: 1,
        memory: { bytesInUse: 0, bytesOwned: 0, uniformBuffers: 0, uniformBytes: 0 },
      },
    ]);
    // Let go once the run is over (the lock manager frees it in a task of its own).
    await vi.waitFor(async () => {
      const free = await webLocks().take('z');
      free?.();
      expect(free).not.toBeNull();
    });
  });

  test('an epoch older than the one another tab saved is not written over it, and the page says so', async () => {
    const { keeper, store, play } = await setUp();
    play([{ type: 'started', settings: SETTINGS, parameterCount: 12 }, ...epochOf(1, 0.4, 0.3)]);
    await vi.waitFor(() => expect(keeper.getSnapshot().message?.text).toMatch(/after epoch 1\.$/));
    play([
      {
        type: 'done',
        test: null,
        stopped: true,
        seconds: 1,
        memory: { bytesInUse: 0, bytesOwned: 0, uniformBuffers: 0, uniformBytes: 0 },
      },
    ]);
    const mine = await trained(keeper, store);
    // Another tab resumed it and saved epoch 2.
    const further = await savedElsewhere(store, mine.id, 2);
    await keeper.saveNow();
    expect(keeper.getSnapshot().message).toEqual({
      kind: 'error',
      text: `"${mine.name}" after epoch 1 was not saved: another tab saved it after epoch 2, which is kept.`,
    });
    const stored = await store.get(mine.id);
    expect([stored?.epoch, stored?.data.history.epochs.length]).toEqual([further.epoch, 2]);
  });
});
