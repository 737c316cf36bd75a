// Saved-run records written straight into the app's IndexedDB, as an older version of the app, a
// damaged disk or another tab might have left them (the app's own format: src/page/savedRunRecord.ts).
import type { Page } from '@playwright/test';
import { DEFAULT_SETTINGS, type Settings } from '../../src/protocol/settings';

export interface RawRecord {
  info: Record<string, unknown>;
  /** The data record; weights and mean squares as plain numbers (turned into ArrayBuffers in the page). */
  data: {
    shapes: number[][];
    weights: number[][];
    meanSquares: (number[] | null)[];
    history: unknown;
  } | null;
}

export const SMALL: Settings = {
  ...DEFAULT_SETTINGS,
  epochs: 2,
  batchSize: 100,
  train: 1000,
  hidden: 16,
  seed: 4,
};

/** Small, finite, varied weights for a dense model with `hidden` units. */
export function denseWeights(hidden: number): { shapes: number[][]; weights: number[][] } {
  const shapes = [[784, hidden], [hidden], [hidden, 10], [10]];
  const weights = shapes.map((shape, k) =>
    Array.from(
      { length: shape.reduce((a, b) => a * b, 1) },
      (_, i) => (((i * 7919 + k * 31) % 1000) / 1000 - 0.5) * 0.1,
    ),
  );
  return { shapes, weights };
}

/** A readable record, as the app wrote it before optimizers were a setting (schema 2: mean squares), or as the first one did (no schema). */
export function goodRecord(
  id: string,
  name: string,
  options: { schema?: number; updatedAt?: number } = {},
): RawRecord {
  const { shapes, weights } = denseWeights(SMALL.hidden);
  const { schema = 2, updatedAt = 1_000 } = options;
  return {
    info: {
      id,
      ...(schema === 1 ? {} : { schema }),
      name,
      createdAt: 1,
      updatedAt,
      settings: SMALL,
      epoch: 1,
      testAccuracy: 0.5,
      bytes: weights.reduce((n, w) => n + w.length * 4, 0),
    },
    data: {
      shapes,
      weights,
      meanSquares: shapes.map(() => null),
      history: {
        curve: [{ step: 10, loss: 1, accuracy: 0.5, batches: 10, reports: 2 }],
        curveStride: 1,
        epochs: [{ epoch: 1, trainLoss: 1, trainAccuracy: 0.5, testLoss: 1, testAccuracy: 0.5 }],
      },
    },
  };
}

/** Writes the records into the app's database (which the app created on its first load). */
export async function putRecords(page: Page, records: RawRecord[]): Promise<void> {
  await page.evaluate(async (records) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('digits-on-webgpu');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = db.transaction(['runs', 'runData'], 'readwrite');
    const buffer = (values: number[] | null) => (values ? new Float32Array(values).buffer : null);
    for (const { info, data } of records) {
      tx.objectStore('runs').put(info);
      if (data)
        tx.objectStore('runData').put({
          id: info.id,
          shapes: data.shapes,
          weights: data.weights.map(buffer),
          meanSquares: data.meanSquares.map(buffer),
          history: data.history,
        });
    }
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, records);
}

/** Each record's id, name and epoch as IndexedDB holds them now. */
export function storedRuns(page: Page): Promise<{ id: string; name: string; epoch: number }[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('digits-on-webgpu');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const all = await new Promise<{ id: string; name: string; epoch: number }[]>((resolve, reject) => {
      const request = db.transaction('runs').objectStore('runs').getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return all.map(({ id, name, epoch }) => ({ id, name, epoch })).sort((a, b) => a.id.localeCompare(b.id));
  });
}

export interface StoredRecord {
  epoch: number;
  name: string;
  testAccuracy: number | null;
  best: { epoch: number; testLoss: number; testAccuracy: number } | null;
  /** The charts' training losses and test losses, and whether the best epoch's weights are kept. */
  losses: number[];
  testLosses: number[];
  bestWeights: boolean;
  /** The settings as saved, and what the charts keep of a validated or early-stopped run (#30). */
  settings: Record<string, unknown>;
  finalTest: { loss: number; accuracy: number } | null;
  earlyStop: { bestEpoch: number; stoppedEpoch: number } | null;
}

/** One saved run, both its parts, as IndexedDB holds it now. */
export function storedRecord(page: Page, id: string): Promise<StoredRecord> {
  return page.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('digits-on-webgpu');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const get = (store: string) =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).get(id);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const [info, data] = await Promise.all([get('runs'), get('runData')]);
    db.close();
    const history = data.history as {
      curve: { loss: number }[];
      epochs: { testLoss: number }[];
      testAtEnd?: StoredRecord['finalTest'];
      earlyStop?: StoredRecord['earlyStop'];
    };
    return {
      epoch: info.epoch as number,
      name: info.name as string,
      testAccuracy: info.testAccuracy as number | null,
      best: (info.best ?? null) as StoredRecord['best'],
      losses: history.curve.map((p) => p.loss),
      testLosses: history.epochs.map((e) => e.testLoss),
      bestWeights: Array.isArray(data.bestWeights),
      settings: info.settings as Record<string, unknown>,
      finalTest: history.testAtEnd ?? null,
      earlyStop: history.earlyStop ?? null,
    };
  }, id);
}
