import { describe, expect, test } from 'vitest';
import { initialSnapshot, MAX_CURVE_POINTS, reduce, type Snapshot } from '../../src/page/store';
import type { FromWorker, GpuMemory } from '../../src/protocol/protocol';
import { DEFAULT_SETTINGS } from '../../src/protocol/settings';

const memory: GpuMemory = { bytesInUse: 1000, bytesOwned: 2000, uniformBuffers: 3, uniformBytes: 48 };
const BATCHES = 125;

function batch(epoch: number, batch: number, loss: number): FromWorker {
  const logs = { epoch, batch, batches: BATCHES, loss, accuracy: 0.5, epochLoss: loss, epochAccuracy: 0.5 };
  const progress = { epoch, epochs: 20, batch, batches: BATCHES, imagesPerSecond: 1, secondsLeft: 1 };
  return { type: 'batch', logs, progress, memory };
}

function epochDone(epoch: number): FromWorker {
  const progress = {
    epoch: epoch + 1,
    epochs: 20,
    batch: 0,
    batches: BATCHES,
    imagesPerSecond: 1,
    secondsLeft: 1,
  };
  const logs = { epoch, loss: 1, accuracy: 0.5, seconds: 1 };
  return { type: 'epoch', logs, test: { loss: 1, accuracy: 0.5 }, progress, memory };
}

const apply = (messages: FromWorker[], from: Snapshot = initialSnapshot) => messages.reduce(reduce, from);

/** A snapshot in the middle of a run: started, then `epochs` whole epochs reported every 5 batches. */
function training(epochs: number, lossOf = (step: number) => 1 / step): Snapshot {
  const messages: FromWorker[] = [
    { type: 'gpu', adapter: 'test', matmulVariant: 'tiled', memory },
    {
      type: 'ready',
      samples: { pixels: new Uint8Array(0), labels: [] },
      trainCount: 1000,
      testCount: 10_000,
      memory,
    },
    { type: 'started', settings: DEFAULT_SETTINGS, parameterCount: 10 },
  ];
  for (let e = 0; e < epochs; e++) {
    for (let b = 5; b <= BATCHES; b += 5) messages.push(batch(e, b, lossOf(e * BATCHES + b)));
    messages.push(epochDone(e));
  }
  return apply(messages);
}

describe('the training curve', () => {
  test('a long run is downsampled, evenly, to at most MAX_CURVE_POINTS, and keeps its means', () => {
    const s = training(20, (step) => step % 7); // 500 reports
    expect(s.curve.length).toBeLessThanOrEqual(MAX_CURVE_POINTS);
    expect(s.curve.length).toBeGreaterThan(MAX_CURVE_POINTS / 2);
    expect(s.curve[0].step).toBeLessThanOrEqual(10);
    expect(s.curve.at(-1)?.step).toBe(20 * BATCHES);
    // Every point covers the same number of reports but perhaps the last.
    const sizes = new Set(s.curve.slice(0, -1).map((p) => p.reports));
    expect(sizes).toEqual(new Set([s.curveStride]));
    // Merging weights by batches: the overall mean loss is unchanged.
    let sum = 0;
    for (let step = 5; step <= 20 * BATCHES; step += 5) sum += step % 7;
    const mean = s.curve.reduce((acc, p) => acc + p.loss * p.batches, 0) / (20 * BATCHES);
    expect(mean).toBeCloseTo(sum / 500, 10);
    expect(s.epochs).toHaveLength(20);
  });

  test('an error ending the run (divergence, GPU error) keeps the history', () => {
    const before = training(2);
    const after = reduce(before, {
      type: 'error',
      kind: 'diverged',
      message: 'The loss became NaN',
      fatal: false,
    });
    expect(after.phase).toBe('ready');
    expect(after.curve).toBe(before.curve);
    expect(after.epochs).toBe(before.epochs);
    expect(after.error?.kind).toBe('diverged');
  });
});

describe('an evaluation going on', () => {
  test("counts its images, and tells a validated run's final test set from the validation images", () => {
    const during = apply([{ type: 'evaluating', epoch: 0, done: 1000, total: 2000 }], training(1));
    expect(during.evaluating).toBe(true);
    expect(during.evaluated).toBe(1000);
    expect(during.evaluatingFinalTest).toBe(false);
    const final = reduce(during, {
      type: 'evaluating',
      epoch: 0,
      done: 4000,
      total: 10_000,
      finalTest: true,
    });
    expect(final.evaluated).toBe(4000);
    expect(final.evaluatingFinalTest).toBe(true);
    expect(reduce(final, epochDone(1)).evaluating).toBe(false);
  });
});

describe('a lost device', () => {
  const lost: FromWorker = { type: 'lost', message: 'lost', checkpointEpoch: 2, interrupted: true };

  test('pauses the run, and a recovered run drops what it trains again after the checkpoint', () => {
    let s = training(3);
    s = apply([batch(3, 5, 0.1), batch(3, 10, 0.1), lost], s);
    expect(s.phase).toBe('lost');
    expect(s.curve.at(-1)?.step).toBe(3 * BATCHES + 10);
    s = apply([{ type: 'recovering' }, { type: 'gpu', adapter: 'new', matmulVariant: 'tiled', memory }], s);
    expect(s.phase).toBe('recovering');
    s = reduce(s, { type: 'restored', epoch: 2 });
    expect(s.phase).toBe('training');
    expect(s.lost).toBeNull();
    expect(s.curve.at(-1)?.step).toBe(2 * BATCHES);
    expect(s.epochs.map((e) => e.epoch)).toEqual([1, 2]);
  });

  test('a failed recovery leaves the page lost, with the reason', () => {
    const s = apply(
      [lost, { type: 'recovering' }, { type: 'error', kind: 'device', message: 'no', fatal: false }],
      training(1),
    );
    expect(s.phase).toBe('lost');
    expect(s.error?.message).toBe('no');
  });
});

describe('data problems', () => {
  test('a failed download leaves the page usable, Retry starts over, success makes it ready', () => {
    let s = apply([
      { type: 'gpu', adapter: 'test', matmulVariant: 'tiled', memory },
      { type: 'loading', loadedBytes: 10, totalBytes: 100, file: 'x' },
      { type: 'error', kind: 'data', message: 'x: download failed (HTTP 404)', fatal: false, file: 'x' },
    ]);
    expect(s.phase).toBe('noData');
    expect(s.dataError).toEqual({ file: 'x', message: 'x: download failed (HTTP 404)' });
    expect(s.error).toBeNull();
    s = reduce(s, { type: 'loading', loadedBytes: 0, totalBytes: 100, file: 'x' });
    expect([s.phase, s.dataError]).toEqual(['loading', null]);
    s = reduce(s, {
      type: 'ready',
      samples: { pixels: new Uint8Array(0), labels: [] },
      trainCount: 1,
      testCount: 1,
      memory,
    });
    expect(s.phase).toBe('ready');
  });
});
