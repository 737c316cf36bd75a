import { expect, test } from 'vitest';
import { applyOnly, TIMED_SECTIONS, timedFlags } from '../../scripts/gpuCheck/sectionFlags';

const SECTIONS = ['conformance', 'book', 'convnet', 'torch', ...TIMED_SECTIONS];
const apply = (flags: [string, string][], skip: string[] = []) => {
  const skipped = new Set(skip);
  const error = applyOnly(new Map(flags), SECTIONS, skipped, ['convnet', ...TIMED_SECTIONS]);
  return { error, ran: SECTIONS.filter((s) => !skipped.has(s)) };
};

test('--only speedrun runs the speedrun alone (what a 15-minute GPU loan runs)', () => {
  expect(apply([['only', 'speedrun']]).ran).toEqual(['speedrun']);
  expect(
    apply([
      ['only', 'speedrun'],
      ['quick', '1'],
    ]).ran,
  ).toEqual(['speedrun']);
  expect(apply([['only', 'mlp98,speedrun']]).ran).toEqual(['mlp98', 'speedrun']);
});

test('--quick leaves out the long runs; without flags everything runs', () => {
  expect(apply([['quick', '1']]).ran).toEqual(['conformance', 'book', 'torch']);
  expect(apply([]).ran).toEqual(SECTIONS);
  expect(apply([], ['torch']).ran).not.toContain('torch');
});

test('an unknown name is refused in words', () => {
  expect(apply([['only', 'speedrum']]).error).toBe(
    'gpu:check: --only takes conformance,book,convnet,torch,mlp98,speedrun; not speedrum',
  );
});

test('the timed flags are numbers, absent when not given', () => {
  expect(timedFlags(new Map())).toEqual({
    seeds: undefined,
    target: undefined,
    maxSteps: undefined,
    test: undefined,
  });
  const given = new Map([
    ['seeds', '3'],
    ['tta-target', '0.5'],
    ['tta-steps', '8'],
    ['tta-test', '500'],
  ]);
  expect(timedFlags(given)).toEqual({ seeds: 3, target: 0.5, maxSteps: 8, test: 500 });
});
