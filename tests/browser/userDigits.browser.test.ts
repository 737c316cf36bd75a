// Your digits in real Chromium's IndexedDB: records read back as written, across connections (a
// reload, another tab); a damaged record, or one from a newer version of the app, is listed as
// unreadable with why while every other drawing is kept; the every-fifth test split; a change made
// through one keeper reaches the other; a bad IDX import adds nothing.
import { afterEach, describe, expect, test, vi } from 'vitest';
import { PIXELS } from '../../src/data/mnist';
import { USER_DIGIT_SCHEMA, type UserDigit } from '../../src/data/userDigit';
import { UserDigitsDb } from '../../src/page/userDigitsDb';
import { UserDigitsKeeper } from '../../src/page/userDigitsKeeper';

let databases = 0;
const opened: UserDigitsDb[] = [];

async function freshName(): Promise<string> {
  return `user-digits-test-${Date.now()}-${databases++}`;
}

async function open(name: string): Promise<UserDigitsDb> {
  const db = await UserDigitsDb.open(name);
  opened.push(db);
  return db;
}

afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

function digit(id: string, label: number, createdAt: number): UserDigit {
  return {
    schema: USER_DIGIT_SCHEMA,
    id,
    label,
    pixels: new Uint8Array(PIXELS).fill(label * 20),
    drawing: {
      strokes: [
        [
          [10, 10],
          [20, 30],
        ],
      ],
      pad: { width: 280, height: 280 },
    },
    testOnly: false,
    createdAt,
  };
}

/** Writes a raw record past the checks, as a damaged store or a newer app would hold it. */
async function putRaw(name: string, raw: object): Promise<void> {
  const req = indexedDB.open(name, 1);
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const tx = db.transaction('digits', 'readwrite');
  tx.objectStore('digits').put(raw);
  await new Promise((resolve) => {
    tx.oncomplete = resolve;
  });
  db.close();
}

describe('UserDigitsDb', () => {
  test('drawings read back whole, in the order made, from another connection', async () => {
    const name = await freshName();
    const db = await open(name);
    await db.put([digit('b', 3, 2), digit('a', 7, 1)]);
    const { digits, unreadable } = await (await open(name)).list();
    expect(unreadable).toEqual([]);
    expect(digits.map((d) => d.id)).toEqual(['a', 'b']);
    expect(digits[1]).toEqual(digit('b', 3, 2));
    expect(digits[1].pixels).toBeInstanceOf(Uint8Array);
  });

  test('a damaged record and a newer one are listed with why; the others are kept', async () => {
    const name = await freshName();
    const db = await open(name);
    await db.put([digit('a', 1, 1), digit('c', 2, 3)]);
    await putRaw(name, { ...digit('damaged', 4, 2), pixels: new Uint8Array(10) });
    await putRaw(name, { ...digit('newer', 5, 4), schema: USER_DIGIT_SCHEMA + 1 });
    const { digits, unreadable } = await db.list();
    expect(digits.map((d) => d.id)).toEqual(['a', 'c']);
    expect(unreadable).toEqual([
      { id: 'damaged', unreadable: 'This drawing cannot be read: its image is not 784 bytes.' },
      {
        id: 'newer',
        unreadable: `This drawing cannot be read: it was saved by a newer version of this app (format ${USER_DIGIT_SCHEMA + 1}; this page reads up to ${USER_DIGIT_SCHEMA}).`,
      },
    ]);
    // A damaged record is not changed, and can be deleted.
    expect(await db.update('damaged', { label: 1 })).toBe(false);
    await db.delete('damaged');
    expect((await db.list()).unreadable.map((u) => u.id)).toEqual(['newer']);
  });

  test('a record that could not be read back is never written', async () => {
    const db = await open(await freshName());
    await expect(db.put([digit('ok', 1, 1), { ...digit('bad', 1, 2), label: 12 }])).rejects.toThrow(
      'its label (12) is not a digit 0 to 9',
    );
    expect((await db.list()).digits).toEqual([]);
  });

  test('relabel and the test mark change only that field', async () => {
    const db = await open(await freshName());
    await db.put([digit('a', 1, 1)]);
    expect(await db.update('a', { label: 9 })).toBe(true);
    expect(await db.update('a', { testOnly: true })).toBe(true);
    expect(await db.update('gone', { label: 2 })).toBe(false);
    expect((await db.list()).digits).toEqual([{ ...digit('a', 1, 1), label: 9, testOnly: true }]);
  });
});

describe('UserDigitsKeeper', () => {
  test('every fifth drawing of a digit is kept for testing; another keeper (tab) sees the changes', async () => {
    const name = await freshName();
    const keeper = new UserDigitsKeeper({ open: () => open(name) });
    const other = new UserDigitsKeeper({ open: () => open(name) });
    await Promise.all([keeper.whenReady(), other.whenReady()]);
    const input = new Float32Array(PIXELS).fill(0.5);
    for (let i = 0; i < 6; i++) await keeper.add(i === 5 ? 2 : 4, input, null);
    const { digits } = keeper.getSnapshot();
    expect(digits.map((d) => [d.label, d.testOnly])).toEqual([
      [4, false],
      [4, false],
      [4, false],
      [4, false],
      [4, true],
      [2, false],
    ]);
    expect(digits[0].pixels[0]).toBe(128);
    await vi.waitFor(() => expect(other.getSnapshot().digits).toHaveLength(6));
    await keeper.remove(digits[0].id);
    await vi.waitFor(() => expect(other.getSnapshot().digits).toHaveLength(5));
  });

  test('a bad IDX file is refused naming it, and adds nothing', async () => {
    const keeper = new UserDigitsKeeper({ open: async () => open(await freshName()) });
    await keeper.whenReady();
    const files = [
      { name: 'my-digits-train-images-idx3-ubyte', bytes: new Uint8Array([0, 0, 8, 3, 0, 0, 0, 1]) },
      { name: 'my-digits-train-labels-idx1-ubyte', bytes: new Uint8Array([0, 0, 8, 1, 0, 0, 0, 1, 3]) },
    ];
    expect(await keeper.importFiles(files)).toBeNull();
    expect(keeper.getSnapshot().message?.text).toMatch(/^Not imported: my-digits-train-images-idx3-ubyte: /);
    expect(keeper.getSnapshot().digits).toEqual([]);
    expect(await keeper.importFiles([{ name: 'notes.txt', bytes: new Uint8Array(4) }])).toBeNull();
    expect(keeper.getSnapshot().message?.text).toBe(
      'Not imported: notes.txt: is not named as an IDX file of digits (its name should say train or t10k, and images or labels).',
    );
  });
});
