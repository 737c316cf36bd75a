import { describe, expect, test } from 'vitest';
import { add } from '../../src/backend/cpu/add';
import { CpuBackend } from '../../src/backend/cpu/cpuBackend';
import { addCases } from '../cases/add.cases';
import { expectClose, fixedRandom } from './numeric';

describe('add reference', () => {
  for (const c of addCases.filter((c) => c.expected)) {
    test(`hand values: ${c.name}`, () => {
      const out = Float32Array.from(c.out ?? []);
      const x = Float32Array.from(c.x ?? []);
      add(out, x, c.length);
      expectClose(out, c.expected ?? [], c.atol, c.rtol, 'out');
      expect(Array.from(x)).toEqual(c.x);
    });
  }

  test('accumulates: adding x twice gives out + 2x', async () => {
    const cpu = new CpuBackend();
    const [out, x] = [cpu.alloc(5), cpu.alloc(5)];
    cpu.write(out, Float32Array.of(1, 2, 3, 4, 5));
    cpu.write(x, Float32Array.of(0.5, -1, 0, 2, -5));
    cpu.add(out, x, 5);
    cpu.add(out, x, 5);
    expect(Array.from(await cpu.read(out))).toEqual([2, 0, 3, 8, -5]);
  });

  test('writes only the first `length` elements', () => {
    const out = Float32Array.from(fixedRandom(4, 1));
    const before = out.slice();
    add(out, Float32Array.of(1, 1, 1, 1), 3);
    expect(out[3]).toBe(before[3]);
    expect(out[2]).toBe(Math.fround(before[2] + 1));
  });
});
