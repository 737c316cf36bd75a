// Every "?" on the page explains a term from the one glossary table (src/ui/glossary.ts), each entry
// says something and names a chapter of the third edition (or none), and no chapter number of an older
// edition is left in the app or the docs.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from 'vitest';
import { chapterNote, GLOSSARY, TERM_IDS } from '../../src/ui/glossary';

const root = resolve(import.meta.dirname, '../..');

function filesUnder(folder: string, extensions: RegExp): string[] {
  return readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => extensions.test(name))
    .map((name) => join(folder, name));
}

const uiFiles = filesUnder('src/ui', /\.tsx?$/);

test('every term given a "?" in the UI has a glossary entry', () => {
  const used = new Set<string>();
  for (const file of uiFiles) {
    const text = readFileSync(join(root, file), 'utf8');
    for (const match of text.matchAll(/<Term id="(\w+)"/g)) used.add(match[1]);
    // Terms chosen in a table, as the settings form does: `name: 'termId'` in a TermId record.
    const table = text.match(/Record<[^>]+TermId>> = \{([\s\S]*?)\};/);
    if (table) for (const match of table[1].matchAll(/: '(\w+)'/g)) used.add(match[1]);
  }
  expect(used.size).toBeGreaterThan(15);
  const missing = [...used].filter((id) => !(id in GLOSSARY));
  expect(missing).toEqual([]);
});

test('the terms the issue names, and the engine words, are all explained', () => {
  const terms = TERM_IDS.map((id) => GLOSSARY[id].term.toLowerCase());
  for (const word of [
    'epoch',
    'batch',
    'loss',
    'cross-entropy',
    'accuracy',
    'test set',
    'learning rate',
    'rmsprop',
    'relu',
    'softmax',
    'gradient',
    'parameters',
    'gflop/s',
    'matmul kernel',
    'buffer pool',
    'uniform buffers',
  ])
    expect(terms).toContain(word);
});

test('each entry is short and plain, and names a chapter of the third edition or none', () => {
  const chapters = new Set([2, 4, 5, 8, 10, null]);
  for (const id of TERM_IDS) {
    const entry = GLOSSARY[id];
    expect(entry.plain.length, id).toBeGreaterThan(20);
    expect(entry.plain.length, id).toBeLessThan(240);
    expect(chapters.has(entry.chapter), id).toBe(true);
  }
  expect(chapterNote(GLOSSARY.epoch)).toBe(
    'Taught in chapter 2 of Deep Learning with Python, third edition.',
  );
  expect(chapterNote(GLOSSARY.conv2d)).toMatch(/chapter 8 /);
});

test('no first-edition chapter number for the ConvNet is left in the app or the docs', () => {
  const files = [
    'README.md',
    ...filesUnder('docs', /\.md$/),
    ...filesUnder('src', /\.tsx?$/),
    ...filesUnder('scripts', /\.(ts|mjs)$/),
  ];
  const stale = files.filter((file) =>
    /ConvNet \(chapter 5\)|chapter 5's|The chapter 5 run|ConvNet \(chapter 5\b(?! of the first)/.test(
      readFileSync(join(root, file), 'utf8'),
    ),
  );
  expect(stale).toEqual([]);
});
