import { expect, test } from 'vitest';
import { initialSnapshot, reduce } from '../../src/page/store';

const answer = (id: number, digit: number | null) => ({
  type: 'browsed' as const,
  id,
  query: { set: 'test' as const, digit, page: 9 },
  total: 30,
  page: 1,
  indices: Uint32Array.of(24, 25),
  labels: Uint8Array.of(digit ?? 0, digit ?? 1),
  pixels: new Uint8Array(2 * 784),
});

test('only the answer to the latest browse request is shown, with the page it was clamped to', () => {
  let s = reduce(initialSnapshot, { type: 'page:browse', id: 1 });
  s = reduce(s, { type: 'page:browse', id: 2 });
  // The answer to the first request comes late: the user has moved on.
  expect(reduce(s, answer(1, 3))).toBe(s);
  s = reduce(s, answer(2, 7));
  expect(s.browsed?.query).toEqual({ set: 'test', digit: 7, page: 1 });
  expect(s.browsed?.images.total).toBe(30);
  expect([...(s.browsed?.images.indices ?? [])]).toEqual([24, 25]);
});
