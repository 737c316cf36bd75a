import { describe, expect, test } from 'vitest';
import { CpuBackend } from '../../src/backend/cpu/cpuBackend';
import { matmul } from '../../src/backend/cpu/matmul';
import { matmulCases, transposes } from '../cases/matmul.cases';
import { expectClose, fixedRandom } from './numeric';

// A [2x3] · B [3x4], worked by hand; m, n and k all differ so a swapped index cannot pass.
const a = [1, 2, 3, 4, 5, 6];
const aT = [1, 4, 2, 5, 3, 6]; // A stored transposed, [3x2]
const b = [1, 0, 2, -1, 0, 1, 1, 2, 3, -2, 0, 1];
const bT = [1, 0, 3, 0, 1, -2, 2, 1, 0, -1, 2, 1]; // B stored transposed, [4x3]
const c = [10, -4, 4, 6, 22, -7, 13, 12];

describe('matmul reference', () => {
  for (const t of transposes) {
    test(`hand example, ${t.label}`, () => {
      const out = new Float32Array(8);
      const stored = [t.transA ? aT : a, t.transB ? bT : b].map((v) => Float32Array.from(v));
      matmul(out, stored[0], stored[1], { m: 2, n: 4, k: 3, transA: t.transA, transB: t.transB });
      expect(Array.from(out)).toEqual(c);
    });
  }

  test('through the CpuBackend storage', async () => {
    const cpu = new CpuBackend();
    const [sa, sb, sc] = [cpu.alloc(6), cpu.alloc(12), cpu.alloc(8)];
    cpu.write(sa, Float32Array.from(a));
    cpu.write(sb, Float32Array.from(b));
    cpu.matmul(sc, sa, sb, { m: 2, n: 4, k: 3, transA: false, transB: false });
    expect(Array.from(await cpu.read(sc))).toEqual(c);
  });

  // Reading a stored transpose must equal multiplying an explicitly transposed copy.
  for (const s of matmulCases.filter((s) => s.m * s.n * s.k <= 1e6)) {
    test(`transpose flags agree with transposed copies: ${s.name}`, () => {
      const av = Float32Array.from(fixedRandom(s.m * s.k, 1));
      const bv = Float32Array.from(fixedRandom(s.k * s.n, 2));
      const transpose = (v: Float32Array, rows: number, cols: number) => {
        const out = new Float32Array(v.length);
        for (let r = 0; r < rows; r++)
          for (let col = 0; col < cols; col++) out[col * rows + r] = v[r * cols + col];
        return out;
      };
      const expected = new Float32Array(s.m * s.n);
      matmul(expected, av, bv, { ...s, transA: false, transB: false });
      for (const t of transposes) {
        const out = new Float32Array(s.m * s.n);
        const sa = t.transA ? transpose(av, s.m, s.k) : av;
        const sb = t.transB ? transpose(bv, s.k, s.n) : bv;
        matmul(out, sa, sb, { ...s, transA: t.transA, transB: t.transB });
        expectClose(out, expected, 0, 0, t.label);
      }
    });
  }
});
