// The README is short and links to docs/ for the depth: every relative link in the README and in
// docs/ must lead to a file that exists and, when it names a section (#anchor), to a heading there.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { expect, test } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const documents = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function headingAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchorsOf(markdown: string): Set<string> {
  const withoutCode = markdown.replace(/```[\s\S]*?```/g, '');
  const headings = [...withoutCode.matchAll(/^#{1,6} (.+)$/gm)].map((match) => headingAnchor(match[1]));
  return new Set(headings);
}

/** Relative links `[text](target)` and images, outside fenced code. */
function relativeLinks(markdown: string): string[] {
  const withoutCode = markdown.replace(/```[\s\S]*?```/g, '');
  return [...withoutCode.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((match) => match[1])
    .filter((target) => !/^[a-z]+:/i.test(target));
}

function brokenLinks(document: string, markdown = readFileSync(join(root, document), 'utf8')): string[] {
  const broken: string[] = [];
  for (const target of relativeLinks(markdown)) {
    const [path, anchor] = target.split('#');
    if (path === '') {
      if (!anchorsOf(markdown).has(anchor)) broken.push(`${document}: ${target} (no heading #${anchor})`);
      continue;
    }
    const file = resolve(dirname(join(root, document)), path);
    if (!existsSync(file)) {
      broken.push(`${document}: ${target} (no file ${relative(root, file)})`);
    } else if (
      anchor !== undefined &&
      file.endsWith('.md') &&
      !anchorsOf(readFileSync(file, 'utf8')).has(anchor)
    ) {
      broken.push(`${document}: ${target} (no heading #${anchor})`);
    }
  }
  return broken;
}

test('every relative link in the README and docs/ resolves, sections included', () => {
  expect(documents.length).toBeGreaterThan(5);
  expect(documents.flatMap((document) => brokenLinks(document))).toEqual([]);
});

test('the README links to docs/ pages, and the check sees a broken one', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  expect(relativeLinks(readme).filter((target) => target.startsWith('docs/')).length).toBeGreaterThan(5);
  expect(
    brokenLinks('docs/x.md', '[a](measured.md) [b](nowhere.md) [c](measured.md#no-such) [d](#)'),
  ).toEqual([
    'docs/x.md: nowhere.md (no file docs/nowhere.md)',
    'docs/x.md: measured.md#no-such (no heading #no-such)',
    'docs/x.md: # (no heading #)',
  ]);
  expect(headingAnchor('Experiments: what changes the curve?')).toBe('experiments-what-changes-the-curve');
  expect(anchorsOf("# A\n```\n# not a heading\n```\n## The book's run")).toEqual(
    new Set(['a', 'the-books-run']),
  );
});

test('the README stays short enough to read in five minutes', () => {
  const lines = readFileSync(join(root, 'README.md'), 'utf8').split('\n').length;
  expect(lines).toBeLessThanOrEqual(200);
});
