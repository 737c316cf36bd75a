import { expect, test } from 'vitest';
import { bestTime, keepIfBest } from '../../src/page/speedrunBest';

const memory = () => {
  const map = new Map<string, string>();
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    map,
  };
};

test('the best time is kept per adapter, and only a faster run replaces it', () => {
  const storage = memory();
  expect(bestTime(storage, 'NVIDIA RTX 4090')).toBeNull();
  expect(keepIfBest(storage, 'NVIDIA RTX 4090', 2.5, '2026-12-04')).toEqual({
    best: { seconds: 2.5, date: '2026-12-04' },
    improved: true,
  });
  expect(keepIfBest(storage, 'NVIDIA RTX 4090', 3, '2026-12-05').improved).toBe(false);
  expect(keepIfBest(storage, 'SwiftShader', 300, '2026-12-05').improved).toBe(true);
  expect(keepIfBest(storage, 'NVIDIA RTX 4090', 2, '2026-12-06').best.seconds).toBe(2);
  expect(bestTime(storage, 'SwiftShader')?.seconds).toBe(300);
});

test('a damaged entry is ignored, never fatal', () => {
  const storage = memory();
  storage.map.set('digits-speedrun-best', '{not json');
  expect(bestTime(storage, 'a')).toBeNull();
  storage.map.set(
    'digits-speedrun-best',
    JSON.stringify({ a: { seconds: 'fast' }, b: { seconds: 1, date: 'x' } }),
  );
  expect(bestTime(storage, 'a')).toBeNull();
  expect(bestTime(storage, 'b')?.seconds).toBe(1);
  const full = {
    getItem: () => null,
    setItem: () => {
      throw new Error('QuotaExceededError');
    },
  };
  expect(keepIfBest(full, 'a', 1, 'now').improved).toBe(true);
});
