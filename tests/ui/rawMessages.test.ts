// The UI reads the page's state and sends commands: it never subscribes to the worker's raw messages
// (page/client.ts and the store match answers to requests), and no component subscribes to the
// keeper a second time (App reads it once and passes it down).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';

const UI = join(import.meta.dirname, '../../src/ui');
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );

test('no file in src/ui/ subscribes to raw worker messages', () => {
  const sources = files(UI);
  expect(sources.length).toBeGreaterThan(50);
  const subscribing = sources.filter((f) => /\.onMessage\(/.test(readFileSync(f, 'utf8')));
  expect(subscribing).toEqual([]);
});

test('the keeper is read once, by App', () => {
  const reading = files(UI).filter((f) => /\buseKeeper\(keeper\)/.test(readFileSync(f, 'utf8')));
  expect(reading.map((f) => f.slice(UI.length + 1))).toEqual(['App.tsx']);
});
