import { describe, expect, test } from 'vitest';
import { dropout } from '../../src/backend/cpu/dropout';

const mask = { rate: 0.5, seed: 1, step: 0, salt: 0 };

describe('dropout reference', () => {
  test('keeps units scaled by 1/(1 − rate) and zeroes the rest', () => {
    const x = new Float32Array(1000).fill(3);
    const out = new Float32Array(1000).fill(Number.NaN);
    dropout(out, x, 1000, { ...mask, rate: 0.25 });
    const kept = out.filter((v) => v !== 0);
    expect(kept.every((v) => v === 4)).toBe(true);
    expect(Math.abs(kept.length - 750)).toBeLessThan(60);
  });

  test('the same (seed, step, salt) gives the same mask; another step, seed or salt another', () => {
    const x = new Float32Array(256).fill(1);
    const maskOf = (m: typeof mask) => {
      const out = new Float32Array(256);
      dropout(out, x, 256, m);
      return Array.from(out);
    };
    const base = maskOf(mask);
    expect(maskOf(mask)).toEqual(base);
    for (const other of [{ step: 1 }, { seed: 2 }, { salt: 1 }])
      expect(maskOf({ ...mask, ...other })).not.toEqual(base);
  });

  test('rate 0 is the identity', () => {
    const x = Float32Array.of(1, -2, 0.5, 7);
    const out = new Float32Array(4);
    dropout(out, x, 4, { ...mask, rate: 0 });
    expect(Array.from(out)).toEqual(Array.from(x));
  });

  test('writes only the first `length` elements', () => {
    const out = Float32Array.of(-7, -7, -7);
    dropout(out, Float32Array.of(1, 2, 3), 2, { ...mask, rate: 0 });
    expect(Array.from(out)).toEqual([1, 2, -7]);
  });
});
